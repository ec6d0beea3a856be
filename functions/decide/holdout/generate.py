"""Generate `holdout.csv` from the held-out templates, reproducibly (fixed seed).

The slot values are this file's own (other user names, hosts, printers, queues, tables than the
corpus's), so a line is not familiar to the model merely by its filled-in words. The levels
follow the corpus's rules: the usual level for the severity, the odd level for most hard
cases, and no level at all for about a third of the lines.

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
SEED = 20250
LINES_PER_TEMPLATE = (3, 5)
NO_LEVEL_SHARE = 0.3
ODD_LEVEL_SHARE = 0.8
_SLOT = re.compile(r"\{(\w+)\}")

WORDS = {
    "user": ("jmeyer", "s.okafor", "cashier21", "svc-replen", "nightops", "p.dubois", "tkaya"),
    "user2": ("admin.lee", "r.novak", "it-helpdesk"),
    "key": ("loyalty_id", "vat_rate", "quantity", "store_code", "ean", "voucher_no"),
    "code": ("SPRING20", "VIP-7", "BACK2SCHOOL", "DEP-0815", "FLASH30"),
    "supplier": ("Baltic Fish", "Sunrise Bakery", "Volt Electronics", "Alpine Water"),
    "resource": ("invoices", "vouchers", "deliveries", "members", "tills", "returns"),
    "table": ("invoices", "basket_lines", "loyalty_members", "deliveries", "tills", "returns"),
    "queue": ("order-created", "refunds", "loyalty-points", "label-jobs", "invoices"),
    "process": ("tilld", "labeler", "replen-svc", "fiscal-bridge", "gateway", "haproxy"),
    "klass": ("TenderService", "LabelBatch", "DeliveryImporter", "LoyaltyClient"),
    "method": ("closeShift", "post_delivery", "printLabels", "refresh_prices", "settle"),
    "file": ("labels_v2.zpl", "deliveries.xml", "promo_rules.json", "tills.ini", "asn_feed.edi"),
    "mount": ("/srv", "/opt/pos", "/home", "/mnt/backup", "D:\\"),
    "printer": ("TM-m30III", "CT-S310", "labels-backroom", "bar-printer", "ZT230-dock"),
    "terminal": ("P400", "iCT250", "M400", "DX8000", "Lane3000"),
    "com": ("COM7", "/dev/ttyS1", "/dev/usb/lp0"),
    "dev": ("dm-0", "sdb1", "nvme0n1p2"),
}


def fill_slot(name: str, rng: random.Random) -> str:
    """A plausible value for one slot, drawn from other ranges than the corpus's."""
    if name in WORDS:
        return rng.choice(WORDS[name])
    numbers = {"n": (1, 9000), "n2": (2, 24), "try": (1, 7), "lane": (1, 30), "max": (2, 8)}
    if name in numbers:
        return str(rng.randint(*numbers[name]))
    if name in ("id", "id2"):
        return rng.choice((str(rng.randint(100, 9_999_999)), f"R{rng.randint(10**5, 10**6)}"))
    if name in ("store", "store2"):
        return rng.choice((f"{rng.randint(10, 4999)}", f"S{rng.randint(100, 999)}"))
    if name == "sku":
        return str(rng.randint(10**7, 10**8 - 1))
    if name in ("amount", "amount2"):
        return f"{rng.randint(50, 500_000) / 100:.2f}"
    if name == "neg":
        return str(-rng.randint(1, 9))
    if name == "ms":
        return str(rng.choice((rng.randint(1, 900), rng.randint(900, 60_000))))
    if name == "pct":
        return str(rng.randint(60, 99))
    if name == "card":
        return f"{rng.randint(0, 9999):04d}"
    if name in ("hex", "hex2"):
        return f"{rng.getrandbits(24 if name == 'hex' else 12):X}"
    if name == "uuid":
        return "-".join(f"{rng.getrandbits(bits):0{bits // 4}x}" for bits in (32, 16, 16, 16, 48))
    if name == "ip":
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if name == "port":
        return str(rng.choice((3306, 5672, 9092, 27017, 8000, rng.randint(2000, 60000))))
    if name in ("host", "host2"):
        site = rng.choice(("st", "wh", "hq", "edge"))
        role = rng.choice(("app", "db", "mq", "web", "prn"))
        return f"{site}-{role}{rng.randint(1, 30):02d}.retail.lan"
    if name == "path":
        folder = rng.choice(("queue", "export", "cache", "log"))
        return f"/opt/pos/{folder}/{rng.choice(('z', 'batch', 'sale'))}_{rng.randint(1, 999)}.bin"
    if name == "date":
        return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if name == "version":
        return f"{rng.randint(2, 14)}.{rng.randint(0, 30)}.{rng.randint(0, 19)}"
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
                        # Its own prefix: no id can collide with the corpus's `<domain>-NNN`.
                        "template_id": f"holdout-{domain}-{index:03d}",
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
