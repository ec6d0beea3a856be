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


# (replacement, pattern, hint), applied in this order. A mask is only tried when its hint
# holds (one of the strings is in the text, or it holds a digit): a substring test costs far
# less than a regex pass, and most masks have nothing to find in most lines.
DIGIT = object()  # the hint "the text holds a digit"
_MASKS = [
    # A request line keeps its method: a GET and a DELETE of one path are two events.
    (
        r'"\1 <path>"',
        re.compile(r'"(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) [^"\s]+(?: HTTP/[\d.]+)?"'),
        ('"',),
    ),
    ("<url>", re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>()\[\]]+"), ("://",)),
    ("<email>", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), ("@",)),
    (
        "<uuid>",
        re.compile(
            r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
        ),
        ("-",),
    ),
    (
        "<date>",
        re.compile(
            r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
            r"(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        ),
        ("-",),
    ),
    ("<time>", re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b"), (":",)),
    # mm:ss without hours is a length of time ("lifetime 00:17"), as is "<1 sec".
    ("<duration>", re.compile(r"(?<![\w:.])\d{1,2}:\d{2}(?![\w:.])"), (":",)),
    (_ipv6, re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"), (":",)),
    ("<host>", re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])"), (".",)),
    # Names end in a real top-level domain, so "pos.pricing" or "app.py" stay words. An
    # address or a name: one mask, as a setting may use either.
    (
        "<host>",
        re.compile(
            r"(?<![\w.-])(?:[A-Za-z0-9-]+\.)+(?:com|net|org|io|edu|gov|mil|int|info|biz|co|"
            r"uk|de|fr|nl|se|no|es|it|jp|cn|hk|ru|br|au|ca|us|eu|local|lan|internal|corp)"
            r"(?::\d{1,5})?(?![\w-])"
        ),
        (".",),
    ),
    # A name with a port is a network address, whatever its top-level domain (or none).
    ("<host>", re.compile(r"(?<![\w.-])[A-Za-z][\w-]*(?:\.[\w-]+)+:\d{2,5}(?![\w.:-])"), (":",)),
    (
        "<str>",
        re.compile(r"(?<!\w)'[^'\n]{0,256}'(?!\w)|\"(?!\w+ <path>\")[^\"\n]{0,256}\""),
        ("'", '"'),
    ),
    (
        "<path>",
        re.compile(
            r"(?<![\w./])(?:\.{1,2})?/(?:[\w.@%+~-]*/)*[\w.@%+~-]*[\w@%+~-]"
            r"|\b[A-Za-z]:\\(?:[^\\\s]+\\)*[^\\\s]*"
        ),
        ("/", "\\"),
    ),
    (
        "<duration>",
        re.compile(
            r"(?<![\w.])(?:[<>]=?)?\d+(?:\.\d+)?\s?(?:ns|us|µs|ms|s|secs?|seconds?|mins?|minutes?|"
            r"h|hrs?|hours?)(?![\w.])"
        ),
        DIGIT,
    ),
    # A size with its unit is one value; "1024 bytes (1.0 KB)" says it twice.
    (
        "<size>",
        re.compile(
            r"(?<![\w.])\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|B|bytes?|[kKMG])(?![\w.])"
            r"(?:\s?\(\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|B|bytes?)\))?"
        ),
        DIGIT,
    ),
    # Any other word holding a digit: numbers, hex, ids (S001, 7f3a, ORD-2024-0001, 0x1f).
    # One mask for all of them, so an id that happens to be all digits keeps its template.
    ("<*>", re.compile(r"(?<![\w.-])[-+]?(?=[\w.-]*\d)[\w.-]*\w(?![\w-])"), DIGIT),
]
# "items [1, 2, 3]" and "items [4]" are one event type.
_REPEATED_MASK = re.compile(r"(<([\w*]+)>)(?:[\s,;]+<\2>)+")
_DIGIT = re.compile(r"\d")
_ANY_MASK = re.compile(r"<[\w*]+>")
# A token is a value, not a word of the message, when it looks like an identifier: snake_case
# or an ENUM_VALUE, a dotted or $-qualified name, key:value or key=value, a call or an index.
# Words never are: "lock held" and "lock released", "printer offline" and "scanner offline"
# stay two events.
_IDENTIFIER = re.compile(r"\w[_.$:=/\\]\w|[A-Z]{2,}_|\w\(\w|\w\[")


def template_of(message: str) -> str:
    """The message with its variable parts replaced by <kind> masks, spaces collapsed."""
    text = message
    if len(text) > MAX_TEMPLATE_INPUT:
        # Cut at a space: a value cut in half would no longer look like one.
        text = text[:MAX_TEMPLATE_INPUT].rsplit(" ", 1)[0]
    has_digit = _DIGIT.search(text) is not None
    for replacement, pattern, hint in _MASKS:
        if has_digit if hint is DIGIT else any(needle in text for needle in hint):
            text = pattern.sub(replacement, text)
    if "<" in text:
        text = _REPEATED_MASK.sub(r"\1", text)
    return " ".join(
        # isalpha first: most tokens are plain words, and that test is the cheapest.
        token if token.isalpha() or "<" in token or not _IDENTIFIER.search(token) else "<*>"
        for token in text.split()
    )


def is_value_like(token: str) -> bool:
    """Could this token of a template be a value rather than a word of the message?"""
    return bool(_ANY_MASK.search(token) or _IDENTIFIER.search(token))


def group_key(template: str) -> str:
    """What a group is named by: the template with every value token one "<*>", whatever its
    kind, so "chdir(<path>)" and "chdir(<*>)", "<time>" and "<duration>" are one event type."""
    return " ".join("<*>" if is_value_like(token) else token for token in template.split(" "))
