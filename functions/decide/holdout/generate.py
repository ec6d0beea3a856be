"""Generate `holdout.csv` from the held-out templates (v2), reproducibly (fixed seed).

The slot values are this file's own (other user names, hosts, printers, queues, tables and
number ranges than the corpus's and than the retired v1 held-out set's), so a line is not
familiar to the model merely by its filled-in words. The levels follow the corpus's rules: the
usual level for the severity, the odd level for most hard cases, and no level at all for about
a third of the lines.

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
SEED = 20262
LINES_PER_TEMPLATE = (3, 5)
NO_LEVEL_SHARE = 0.3
ODD_LEVEL_SHARE = 0.8
_SLOT = re.compile(r"\{(\w+)\}")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

WORDS = {
    "user": ("m.rossi", "kasse04", "svc-inv", "h.tanaka", "nightshift2", "b.kowalski", "dep.mgr"),
    "user2": ("sec-audit", "a.fischer", "ops-oncall"),
    "key": ("promo_id", "unit_price", "tender_type", "gtin", "receipt_no", "member_tier"),
    "query": ("oat mlk", "aaa batteries", "glutenfree bred", "pinapple chunks", "nappies size 4"),
    "code": ("AUTUMN15", "MEMBER-3", "EASTER8", "CLEAR50", "BUNDLE-2"),
    "supplier": ("Coastal Produce", "Highland Dairy", "Metro Snacks", "Orion Household"),
    "resource": ("carts", "coupons", "shipments", "stocktakes", "promotions", "giftcards"),
    "table": ("receipts", "stock_moves", "coupons", "shifts", "shipments", "tender_lines"),
    "queue": ("receipt-mail", "shipment-events", "stock-moves", "tender-events", "coupon-redeemed"),
    "process": ("possvc", "labelsvc", "invsync", "cashguard", "envoy", "ordersvc"),
    "klass": ("BasketCalculator", "ShipmentMapper", "CouponValidator", "DrawerController"),
    "method": ("reconcileShift", "apply_coupon", "importAsn", "push_stock", "closeBasket"),
    "file": ("tax_rules.yaml", "asn_0412.xml", "planogram.json", "swiss721.ttf", "promo_feed.csv"),
    "mount": ("/var/lib/storeapp", "/export/home", "/srv/archive", "/boot/efi", "E:\\"),
    "printer": ("TM-T20III", "SRP-350plus", "ZD621-goodsin", "office-laser-2", "deli-scale-prn"),
    "terminal": ("Link2500", "V400c", "A77", "AXIUM-DX4000", "S800"),
    "com": ("COM9", "/dev/ttyUSB2", "/dev/ttyS3"),
    "dev": ("sdc2", "vda1", "md127", "nvme1n1p3"),
}


def fill_slot(name: str, rng: random.Random) -> str:
    """A plausible value for one slot, drawn from other ranges than the corpus's and v1's."""
    if name in WORDS:
        return rng.choice(WORDS[name])
    if name == "n":
        return str(rng.choice((rng.randint(1, 60), rng.randint(61, 20_000))))
    numbers = {"n2": (2, 19), "try": (1, 6), "lane": (1, 24), "max": (3, 9)}
    if name in numbers:
        return str(rng.randint(*numbers[name]))
    if name in ("id", "id2"):
        dashed = f"{rng.randint(10, 99)}-{rng.randint(10**4, 10**5 - 1)}"
        return rng.choice((str(rng.randint(10**8, 10**9 - 1)), dashed))
    if name in ("store", "store2"):
        return rng.choice((str(rng.randint(5000, 9899)), f"F{rng.randint(1000, 9999)}"))
    if name == "sku":
        gtin = f"0{rng.randint(10**12, 10**13 - 1)}"
        return rng.choice((str(rng.randint(10**5, 10**6 - 1)), gtin))
    if name in ("amount", "amount2"):
        return f"{rng.choice((rng.randint(5, 9_999), rng.randint(10_000, 999_999))) / 100:.2f}"
    if name == "neg":
        return str(-rng.randint(1, 30))
    if name == "ms":
        return str(rng.choice((rng.randint(3, 450), rng.randint(451, 45_000))))
    if name == "pct":
        return str(rng.randint(51, 98))
    if name == "card":
        return f"{rng.randint(0, 9999):04d}"
    if name in ("hex", "hex2"):
        return f"{rng.getrandbits(48):012x}" if name == "hex" else f"{rng.getrandbits(12):03X}"
    if name == "uuid":
        return "-".join(f"{rng.getrandbits(bits):0{bits // 4}x}" for bits in (32, 16, 16, 16, 48))
    if name == "ip":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if name == "port":
        return str(rng.choice((22, rng.randint(32768, 60999))))
    if name in ("host", "host2"):
        site = rng.choice(("shop", "dc", "ho"))
        role = rng.choice(("srv", "sql", "kfk", "api", "edge", "ps"))
        return f"{site}{rng.randint(100, 899)}-{role}{rng.randint(1, 4)}.corp.example"
    if name == "path":
        folder = rng.choice(("venv", "spool", "outbox", "tmp"))
        return f"/data/storeapp/{folder}/{rng.choice(('eod', 'pl', 'rx'))}-{rng.randint(100, 999)}"
    if name == "date":
        return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if name == "ts":
        return (
            f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"
        )
    if name == "clf":
        return (
            f"{rng.randint(1, 28):02d}/{rng.choice(_MONTHS)}/2026:{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0100"
        )
    if name == "version":
        if rng.random() < 0.5:
            return f"{rng.randint(15, 40)}.{rng.randint(1, 12)}"
        return f"{rng.randint(15, 40)}.{rng.randint(1, 12)}.{rng.randint(20, 99)}"
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
                        # nor with v1's `holdout-<domain>-NNN`, which went into the corpus.
                        "template_id": f"holdout2-{domain}-{index:03d}",
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
