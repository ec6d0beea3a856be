"""A parsed event -> its group: the template and the fingerprint that names the group.

A plain line groups by its template, values of every kind alike (masking.group_key); an event
with a stack trace by its crash site (exception type + in-app frames), whatever its message
says. No state: every container names a group alike. The level class is part of the
fingerprint, so the same text logged as a warning and as an error are two problems.
"""

import hashlib
from typing import NamedTuple

from functions.ingest import masking
from functions.ingest.masking import group_key, template_of
from functions.ingest.parsing import ParsedLine
from functions.ingest.stack_traces import crash_site

FINGERPRINT_LENGTH = 32
# The fingerprint of a plain line, kept by its level and template: one event type comes back
# line after line (bounded: dropped when this full).
MAX_CACHED_FINGERPRINTS = 20_000
_LINE_FINGERPRINT: dict[tuple[str, str], str] = {}


class Signature(NamedTuple):
    fingerprint: str
    template: str


def level_class(level: str) -> str:
    """ERROR and CRITICAL are one class: a message's level may vary, its problem does not."""
    if level in ("ERROR", "CRITICAL"):
        return "error"
    return "warning" if level == "WARNING" else "info"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def signature_of(parsed: ParsedLine) -> Signature:
    """The group of one parsed event."""
    template = template_of(parsed.message)
    site = crash_site(f"{parsed.message}\n{parsed.trace}") if parsed.trace else None
    if site is None:
        return Signature(_line_fingerprint(parsed.level, template), template)
    where = " < ".join(site.frames) or "?"
    return Signature(
        _digest("crash", level_class(parsed.level), site.exception_type, *site.frames),
        f"{template} [{site.exception_type} at {where}]",
    )


def _line_fingerprint(level: str, template: str) -> str:
    key = (level, template)
    fingerprint = _LINE_FINGERPRINT.get(key)
    if fingerprint is None:
        fingerprint = _digest("line", level_class(level), group_key(template))
        if len(_LINE_FINGERPRINT) >= MAX_CACHED_FINGERPRINTS:
            _LINE_FINGERPRINT.clear()
        _LINE_FINGERPRINT[key] = fingerprint
    return fingerprint


def clear_caches() -> None:
    """Forget every template and token seen (a fresh process, as a benchmark's fresh run needs)."""
    _LINE_FINGERPRINT.clear()
    masking.clear_caches()
