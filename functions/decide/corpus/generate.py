"""Generate `corpus.csv` from the templates, reproducibly (fixed seed): each template becomes a
handful of lines with its slots filled with plausible values and its level varied, a quarter of
them with no level at all, so the model learns to work without one.

Run: `python -m functions.decide.corpus.generate` (rewrites functions/decide/corpus/corpus.csv).
"""

import csv
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from functions.decide.corpus.contrasts import CONTRASTS
from functions.decide.corpus.documented_formats import DOCUMENTED_FORMATS
from functions.decide.corpus.field_voices import FIELD_VOICES
from functions.decide.corpus.store_systems import STORE_SYSTEMS
from functions.decide.corpus.templates import (
    FIRST_HELD_OUT_SET,
    SECOND_HELD_OUT_SET,
    TEMPLATES,
    WEAK_KINDS,
)

CORPUS_PATH = Path(__file__).with_name("corpus.csv")
SEED = 5
LINES_PER_TEMPLATE = (9, 13)
NO_LEVEL_SHARE = 0.25
# How often a hard case is logged at its odd level rather than the usual one for its severity.
ODD_LEVEL_SHARE = 0.8

SEVERITY_CODES = {"C": "CRITICAL", "H": "HIGH", "M": "MEDIUM", "L": "LOW", "I": "INFO"}
# The levels a line of each severity is usually logged at, most common first.
USUAL_LEVELS = {
    "CRITICAL": ("CRITICAL", "FATAL", "ERROR", "EMERG"),
    "HIGH": ("ERROR", "ERROR", "SEVERE", "ERR"),
    "MEDIUM": ("WARN", "WARNING", "WARN"),
    "LOW": ("WARN", "INFO", "NOTICE", "WARNING"),
    "INFO": ("INFO", "INFO", "DEBUG", "NOTICE"),
}
COLUMNS = ("template_id", "domain", "level", "severity", "actionable", "text")
_LINE = re.compile(r"^(?P<sev>[CHMLI])(?P<act>[01])(?:@(?P<level>[A-Z]+))?\s*\|\s*(?P<text>.+)$")
_SLOT = re.compile(r"\{(\w+)\}")

WORDS = {
    "key": ("discount_rate", "store_id", "sku", "currency", "tax_code", "customer", "amount"),
    "region": ("DE-BY", "FR-IDF", "US-CA", "GB-LND", "NL-NH", "ES-MD"),
    "user": ("alice", "bob", "cashier07", "svc-pos", "mgr.jones", "kiosk3", "ops"),
    "code": ("SUMMER10", "BOGO-22", "WELCOME5", "XMAS24", "STAFF15"),
    "category": ("dairy", "frozen", "electronics", "bakery", "toys"),
    "supplier": ("Acme Foods", "Nordic Dairy", "GlobalTech", "FreshFarm", "PaperCo"),
    "resource": ("orders", "baskets", "products", "customers", "stores", "payments"),
    "table": ("orders", "sales", "stock_levels", "customers", "payments", "price_list"),
    "queue": ("sales-events", "stock-updates", "payments", "receipts", "price-changes"),
    "process": ("posd", "nginx", "stock-sync", "payment-agent", "backoffice", "printd"),
    "klass": ("CheckoutController", "PriceService", "StockRepository", "ReceiptFormatter"),
    "method": ("applyDiscount", "calculate_tax", "loadBasket", "render_receipt", "sync"),
    "file": ("pricing.py", "sync_job.py", "labels.zpl", "feed_2024.csv", "settings.yaml"),
    "mount": ("/", "/var", "/var/lib/pos", "/data", "C:\\"),
    "printer": ("EPSON-TM-T88", "ZEBRA-ZD420", "STAR-TSP100", "kitchen-2", "label-1"),
    "terminal": ("V240m", "Move5000", "S1F2", "A920", "Desk3500"),
    "com": ("COM3", "COM4", "/dev/ttyUSB0", "/dev/ttyACM1"),
    "user2": ("root", "dba.admin", "helpdesk", "sre-oncall"),
    "dev": ("sda1", "sdc2", "nvme1n1p1", "dm-3"),
    "query": ("whole milk", "aa batterys", "gluten free bread", "tomatos", "nappies"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Each set of templates in the order its ids were given, named for how it was written: a model
# is judged on each set while trained on the others (writers' voices differ more than templates).
TEMPLATE_SETS = {
    "first_corpus": TEMPLATES,
    "first_held_out": FIRST_HELD_OUT_SET,
    "weak_kinds": WEAK_KINDS,
    "second_held_out": SECOND_HELD_OUT_SET,
    "field_voices": FIELD_VOICES,
    "documented_formats": DOCUMENTED_FORMATS,
    "store_systems": STORE_SYSTEMS,
    "contrasts": CONTRASTS,
}


@dataclass(frozen=True)
class Template:
    template_id: str
    template_set: str
    domain: str
    severity: str
    actionable: int
    odd_level: str | None
    text: str


def parse_templates() -> list[Template]:
    """Every template line of every domain, with a stable id (domain + position).

    The later sets continue each domain's numbering, so adding one changes no earlier id (and,
    coming last, no earlier line of the csv)."""
    templates = []
    count_of_domain: dict[str, int] = {}
    for set_name, template_set in TEMPLATE_SETS.items():
        for domain, block in template_set.items():
            lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
            for line in lines:
                match = _LINE.match(line)
                if not match:
                    raise ValueError(f"bad template line in {domain}: {line!r}")
                index = count_of_domain.get(domain, 0)
                count_of_domain[domain] = index + 1
                templates.append(
                    Template(
                        template_id=f"{domain}-{index:03d}",
                        template_set=set_name,
                        domain=domain,
                        severity=SEVERITY_CODES[match["sev"]],
                        actionable=int(match["act"]),
                        odd_level=match["level"],
                        text=match["text"],
                    )
                )
    return templates


def fill_slot(name: str, rng: random.Random) -> str:
    """A plausible value for one slot of a template."""
    if name in WORDS:
        return rng.choice(WORDS[name])
    if name in ("n", "n2", "try", "lane"):
        top = {"n": 5000, "n2": 16, "try": 4, "lane": 12}[name]
        return str(rng.randint(1, top))
    if name == "max":
        return str(rng.randint(3, 10))
    if name in ("id", "id2"):
        return str(rng.randint(1000, 99_999_999))
    if name in ("store", "store2"):
        return f"{rng.randint(1, 999):04d}"
    if name == "sku":
        return str(rng.randint(10**12, 10**13 - 1))
    if name in ("amount", "amount2"):
        return f"{rng.randint(1, 200_000) / 100:.2f}"
    if name == "neg":
        return str(-rng.randint(1, 50))
    if name == "ms":
        return str(rng.choice((rng.randint(2, 300), rng.randint(300, 30_000))))
    if name == "pct":
        return str(rng.randint(70, 99))
    if name == "card":
        return f"{rng.randint(0, 9999):04d}"
    if name in ("hex", "hex2"):
        return f"{rng.getrandbits(32 if name == 'hex' else 8):x}"
    if name == "uuid":
        return "-".join(f"{rng.getrandbits(bits):0{bits // 4}x}" for bits in (32, 16, 16, 16, 48))
    if name == "ip":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if name == "port":
        return str(rng.choice((80, 443, 5432, 6379, 8080, 8443, rng.randint(1024, 65535))))
    if name in ("host", "host2"):
        return (
            f"{rng.choice(('pos', 'api', 'db', 'store', 'mq'))}{rng.randint(1, 40)}.shop.internal"
        )
    if name in ("path", "path2"):
        return (
            f"/var/pos/{rng.choice(('journal', 'spool', 'data', 'tmp'))}/{rng.randint(1, 9999)}.dat"
        )
    if name == "date":
        return f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if name == "ts":
        return (
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
        )
    if name == "clf":
        return (
            f"{rng.randint(1, 28):02d}/{rng.choice(_MONTHS)}/2024:{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000"
        )
    if name == "version":
        return f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
    raise KeyError(f"no filler for slot {{{name}}}")


def level_for(template: Template, rng: random.Random) -> str:
    if rng.random() < NO_LEVEL_SHARE:
        return ""
    if template.odd_level and rng.random() < ODD_LEVEL_SHARE:
        return template.odd_level
    return rng.choice(USUAL_LEVELS[template.severity])


def generate(seed: int = SEED) -> list[dict]:
    """All corpus rows, the same for the same seed and templates."""
    rng = random.Random(seed)
    rows = []
    for template in parse_templates():
        for _ in range(rng.randint(*LINES_PER_TEMPLATE)):
            text = _SLOT.sub(lambda match: fill_slot(match[1], rng), template.text)
            rows.append(
                {
                    "template_id": template.template_id,
                    "domain": template.domain,
                    "level": level_for(template, rng),
                    "severity": template.severity,
                    "actionable": template.actionable,
                    "text": text,
                }
            )
    return rows


def write(rows: list[dict], path: Path = CORPUS_PATH) -> None:
    with path.open("w", newline="", encoding="utf-8") as corpus:
        writer = csv.DictWriter(corpus, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    rows = generate()
    write(rows)
    templates = len({row["template_id"] for row in rows})
    print(f"wrote {len(rows)} lines over {templates} templates to {CORPUS_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
