"""Generate `holdout.csv` from the held-out templates (v3), reproducibly (fixed seed).

The slot values are this file's own (other user names, hosts, printers, terminals, queues,
tables and number ranges than the corpus's and than the retired v1 and v2 held-out sets'), so a
line is not familiar to the model merely by its filled-in words. The levels follow the corpus's
rules: the usual level for the severity, the odd level for most hard cases, and no level at all
for about a third of the lines.

Run: `python -m functions.decide.holdout.generate` (rewrites functions/decide/holdout/holdout.csv).
"""

import csv
import random
import re
import sys
from pathlib import Path

from functions.decide.corpus.generate import _LINE, COLUMNS, SEVERITY_CODES, USUAL_LEVELS
from functions.decide.holdout.templates import TEMPLATES

HOLDOUT_PATH = Path(__file__).with_name("holdout.csv")
SEED = 20263
LINES_PER_TEMPLATE = (3, 5)
NO_LEVEL_SHARE = 0.3
ODD_LEVEL_SHARE = 0.8
_SLOT = re.compile(r"\{(\w+)\}")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

WORDS = {
    "user": ("j.okafor", "tillop11", "s.lindqvist", "r.moreau", "svc-replen", "nightfill3"),
    "user2": ("infra-admin", "l.petrov", "secops-bot"),
    "key": ("basket_ref", "vat_band", "loyalty_no", "plu", "ean13", "price_override"),
    "code": ("SPRING20", "LOYAL-7", "FLASH30", "NEWSTORE5", "HALFTERM"),
    "supplier": ("Riverside Bakery", "Baltic Fish Co", "Summit Beverages", "Greenleaf Paper"),
    "table": ("till_sessions", "price_rules", "vouchers", "goods_in", "loyalty_points", "cash_ups"),
    "queue": ("till-journal", "price-publish", "goods-in", "loyalty-accrual", "voucher-issued"),
    "process": ("tilld", "pricepush", "replend", "scaleagent", "edibridge", "webshopd"),
    "klass": ("TenderService", "GoodsInHandler", "VoucherRedeemer", "PriceBookLoader"),
    "method": ("postTender", "redeem_voucher", "receiveDelivery", "publish_prices", "cashUp"),
    "file": ("pricebook_17.xml", "vat_bands.json", "desadv_2291.edi", "replen_plan.csv"),
    "mount": ("/opt/tills", "/var/spool/cups", "/srv/pgdata", "/home", "D:"),
    "printer": ("TM-m30II", "TSP143IIIU", "ZT411-dock", "backoffice-mfp", "GK420d-labels"),
    "terminal": ("P400Plus", "Lane3000", "Saturn1000", "VX820", "PAX-A35"),
    "com": ("COM6", "/dev/ttyACM3", "/dev/ttyS1"),
    "dev": ("sdb1", "xvda2", "md0", "nvme0n1p2"),
    "db": ("storedb", "loyalty", "pricing", "webshop"),
}


def fill_slot(name: str, rng: random.Random) -> str:
    """A plausible value for one slot, drawn from other ranges than the corpus's, v1's and v2's."""
    if name in WORDS:
        return rng.choice(WORDS[name])
    if name == "n":
        return str(rng.choice((rng.randint(2, 45), rng.randint(46, 64_000))))
    numbers = {"n2": (3, 27), "try": (2, 8), "lane": (1, 32), "max": (4, 12), "hipct": (86, 99)}
    if name in numbers:
        return str(rng.randint(*numbers[name]))
    if name in ("id", "id2"):
        prefixed = f"{rng.choice('RTWX')}{rng.randint(10**6, 10**7 - 1)}"
        return rng.choice((str(rng.randint(10**9, 10**10 - 1)), prefixed))
    if name in ("store", "store2"):
        return rng.choice((str(rng.randint(10_000, 29_999)), f"ST{rng.randint(100, 999)}"))
    if name == "sku":
        ean8 = f"{rng.randint(2 * 10**7, 3 * 10**7 - 1)}"
        return rng.choice((ean8, f"4{rng.randint(10**11, 10**12 - 1)}"))
    if name in ("amount", "amount2"):
        return f"{rng.choice((rng.randint(3, 4_999), rng.randint(5_000, 450_000))) / 100:.2f}"
    if name == "neg":
        return str(-rng.randint(1, 12))
    if name == "ms":
        return str(rng.choice((rng.randint(4, 600), rng.randint(601, 60_000))))
    if name == "card":
        return f"{rng.randint(0, 9999):04d}"
    if name in ("hex", "hex2"):
        return f"{rng.getrandbits(40):010x}" if name == "hex" else f"{rng.getrandbits(16):04X}"
    if name == "uuid":
        return "-".join(f"{rng.getrandbits(bits):0{bits // 4}x}" for bits in (32, 16, 16, 16, 48))
    if name == "ip":
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 253)}"
    if name == "port":
        return str(rng.choice((2222, rng.randint(40_000, 49_999))))
    if name in ("host", "host2"):
        role = rng.choice(("app", "pg", "mq", "web", "bo", "pay"))
        return f"st{rng.randint(100, 999)}-{role}{rng.randint(1, 3)}.retail.lan"
    if name == "path":
        folder = rng.choice(("export", "journal", "archive", "inbox"))
        stem = rng.choice(("zrep", "txn", "dump"))
        return f"/opt/tills/{folder}/{stem}_{rng.randint(1000, 9999)}.log"
    if name == "date":
        return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if name == "ts":
        return (
            f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d},{rng.randint(0, 999):03d}"
        )
    if name == "clf":
        return (
            f"{rng.randint(1, 28):02d}/{rng.choice(_MONTHS)}/2025:{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0200"
        )
    if name == "version":
        return f"{rng.randint(41, 79)}.{rng.randint(0, 9)}.{rng.randint(100, 999)}"
    raise KeyError(f"no filler for slot {{{name}}}")


def level_for(severity: str, odd_level: str | None, rng: random.Random) -> str:
    if rng.random() < NO_LEVEL_SHARE:
        return ""
    if odd_level and rng.random() < ODD_LEVEL_SHARE:
        return odd_level
    return rng.choice(USUAL_LEVELS[severity])


def generate(seed: int = SEED) -> list[dict]:
    """All held-out rows, the same for the same seed and templates."""
    rng = random.Random(seed)
    rows = []
    for domain, block in TEMPLATES.items():
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        for index, line in enumerate(lines):
            match = _LINE.match(line)
            if not match:
                raise ValueError(f"bad template line in {domain}: {line!r}")
            severity = SEVERITY_CODES[match["sev"]]
            for _ in range(rng.randint(*LINES_PER_TEMPLATE)):
                rows.append(
                    {
                        # Its own prefix: no id can collide with the corpus's `<domain>-NNN`
                        # nor with v1's `holdout-<domain>-NNN` or v2's `holdout2-<domain>-NNN`,
                        # which went into the corpus.
                        "template_id": f"holdout3-{domain}-{index:03d}",
                        "domain": domain,
                        "level": level_for(severity, match["level"], rng),
                        "severity": severity,
                        "actionable": int(match["act"]),
                        "text": _SLOT.sub(lambda slot: fill_slot(slot[1], rng), match["text"]),
                    }
                )
    return rows


def main() -> int:
    rows = generate()
    with HOLDOUT_PATH.open("w", newline="", encoding="utf-8") as holdout:
        writer = csv.DictWriter(holdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    templates = len({row["template_id"] for row in rows})
    print(f"wrote {len(rows)} lines over {templates} templates to {HOLDOUT_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
