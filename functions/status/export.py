"""History rows as a download: CSV with a header row, or JSON. No AWS here.

A CSV is opened in spreadsheets, and log text is written by whoever can make a POS log an error:
a text cell that starts like a formula is prefixed with `'` so it stays text (OWASP's advice).
"""

import csv
import io
import json

# A spreadsheet reads a cell starting with one of these as a formula (tab and CR too: some
# programs strip them first).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str | int | float:
    """One cell: numbers as they are, lists joined by spaces, maps as JSON, text made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value  # a number Python wrote cannot be a formula, and "-0.1" must stay a number
    if isinstance(value, list | tuple | set):
        value = " ".join(str(each) for each in value)
    elif isinstance(value, dict):
        value = json.dumps(value, sort_keys=True)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in columns])
    return buffer.getvalue()


def to_json(kind: str, columns: tuple[str, ...], rows: list[dict], truncated: bool) -> str:
    items = [{name: row.get(name) for name in columns} for row in rows]
    return json.dumps({"kind": kind, "items": items, "truncated": truncated}, default=str)


def filename(kind: str, moment: str, extension: str) -> str:
    """stacklens-decisions-20261126T150102Z.csv: safe in any file system and header."""
    stamp = "".join(ch for ch in moment.split(".")[0] if ch.isalnum())
    return f"stacklens-{kind}-{stamp}Z.{extension}"
