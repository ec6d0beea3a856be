"""A message -> its template: the variable parts (ids, numbers, paths...) masked.

Two lines of one event type ("Missing price for product 999 (order 7f3a, store S001)" and
"... product 12 (order 9c1e, store S002)") get one template. The order of the masks matters,
the most specific first, so a uuid is not read as five numbers.
"""

import re

# Only the start of a message is templated: it names the event; a 200 KiB dump after it
# would only cost time.
MAX_TEMPLATE_INPUT = 2048


def _ipv6(match: re.Match) -> str:
    candidate = match.group(0)
    # "::" alone or a C++ scope are no address: it needs hex digits in at least two groups.
    groups = [group for group in candidate.split(":") if group]
    return "<host>" if len(groups) >= 2 and any(c.isdigit() for c in candidate) else candidate


# (replacement, pattern), applied in this order.
_MASKS = [
    ("<url>", re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>()\[\]]+")),
    ("<email>", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (
        "<uuid>",
        re.compile(
            r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
        ),
    ),
    (
        "<date>",
        re.compile(
            r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
            r"(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        ),
    ),
    ("<time>", re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b")),
    (_ipv6, re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")),
    ("<host>", re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])")),
    # Names end in a real top-level domain, so "pos.pricing" or "app.py" stay words. An
    # address or a name: one mask, as a setting may use either.
    (
        "<host>",
        re.compile(
            r"(?<![\w.-])(?:[A-Za-z0-9-]+\.)+(?:com|net|org|io|edu|gov|mil|int|info|biz|co|"
            r"uk|de|fr|nl|se|no|es|it|jp|cn|hk|ru|br|au|ca|us|eu|local|lan|internal|corp)"
            r"(?::\d{1,5})?(?![\w-])"
        ),
    ),
    ("<str>", re.compile(r"(?<!\w)'[^'\n]{0,256}'(?!\w)|\"[^\"\n]{0,256}\"")),
    (
        "<path>",
        re.compile(
            r"(?<![\w./])(?:\.{1,2})?/(?:[\w.@%+~-]+/)+[\w.@%+~-]*"
            r"|\b[A-Za-z]:\\(?:[^\\\s]+\\)*[^\\\s]*"
        ),
    ),
    (
        "<duration>",
        re.compile(
            r"(?<![\w.])\d+(?:\.\d+)?\s?(?:ns|us|µs|ms|s|secs?|seconds?|mins?|minutes?|"
            r"h|hrs?|hours?)(?![\w.])"
        ),
    ),
    # Any other word holding a digit: numbers, hex, ids (S001, 7f3a, ORD-2024-0001, 0x1f).
    # One mask for all of them, so an id that happens to be all digits keeps its template.
    ("<*>", re.compile(r"(?<![\w.-])[-+]?(?=[\w.-]*\d)[\w.-]*\w(?![\w-])")),
]
# "items [1, 2, 3]" and "items [4]" are one event type.
_REPEATED_MASK = re.compile(r"(<([\w*]+)>)(?:[\s,;]+<\2>)+")
_SPACES = re.compile(r"\s+")


def template_of(message: str) -> str:
    """The message with its variable parts replaced by <kind> masks, spaces collapsed."""
    text = message[:MAX_TEMPLATE_INPUT]
    for replacement, pattern in _MASKS:
        text = pattern.sub(replacement, text)
    text = _REPEATED_MASK.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()
