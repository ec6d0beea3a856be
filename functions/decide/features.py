"""What the confidence model reads of an event, in plain Python: the message with its variable
values masked, cut into word, character and shape terms, and the line's level class.

Training (scikit-learn) and run-time scoring (numpy only) call these same functions, so both
see exactly the same terms.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from functions.ingest.parsing import normalise_level

# The level classes the model reads; "none" when the line has no level (or one we do not know).
LEVEL_CLASSES = ("none", "debug", "info", "warn", "error", "critical")
# ingest's level names (one list of logger level words, in functions/ingest/parsing.py).
_LEVEL_CLASS_OF = {
    "TRACE": "debug",
    "DEBUG": "debug",
    "INFO": "info",
    "WARNING": "warn",
    "ERROR": "error",
    "CRITICAL": "critical",
}
# Values that vary between events of one template: uuids, addresses, paths, hex ids, numbers.
# A lone zero keeps its own word: "0 errors" and "exit code 0" say something other numbers do not.
# Each mask names what a text must hold for it to match (a substring, or _DIGIT: a digit): most
# lines lack most of these, and a substring test is far cheaper than a search that finds nothing.
# No replacement adds a digit before the last mask, so one digit test serves every mask.
_DIGIT = object()
_MASKS = (
    (
        re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I),
        " uuid ",
        "-",
    ),
    (re.compile(r"\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b"), " ipaddr ", _DIGIT),
    (re.compile(r"(?<![\w.])(/[\w.\-]+)+/?"), " fspath ", "/"),
    (re.compile(r"\b0x[0-9a-f]+\b", re.I), " hexnum ", "0x"),
    (re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b", re.I), " hexid ", _DIGIT),
    (re.compile(r"(?<![\d.])0(?![\d.])"), " zero ", "0"),
    (re.compile(r"\d+"), "0", _DIGIT),
)
_ANY_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z_]+")
_SPACES = re.compile(r"\s\s+")
# CamelCase names (NullPointerException, PRECONDITION_FAILED aside) read as their words too.
_CAMEL = re.compile(r"\b[A-Z]?[a-z]+(?:[A-Z][a-z]+)+\b")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+")
_EXCEPTION = re.compile(r"\b\w*(?:Error|Exception|Fault|Panic)\b|\bpanic:|\bTraceback\b")
# An HTTP-like status after a word that introduces one: its class (2xx .. 5xx) is a term.
_STATUS = re.compile(
    r"\b(?:http|status|answered|returned|code|response)\W{0,3}(?:code\W{0,3})?([1-5])\d\d\b",
    re.I,
)
# An access line's status, after the quoted request: `"GET /api/x HTTP/1.1" 503 ...`.
_ACCESS_STATUS = re.compile(r'\bHTTP/\d(?:\.\d)?"\s+([1-5])\d\d\b')
# A state, status or result field and its value, in any layout ("finished in state FAILURE",
# `result=error`, "health: DOWN"): the value's meaning is a term, so an unseen pairing of field
# and value reads like the known ones.
_STATE_FIELD = re.compile(r"\b(?:state|status|result|outcome|phase|health)\W{1,3}([a-z_]+)", re.I)
_STATE_FAILED = frozenset(
    "fail failed failure failing error errored aborted abort killed crashed offline down degraded "
    "dead timeout timedout timed_out rejected broken fatal partial unhealthy lost faulted faulty "
    "unavailable unreachable".split()
)
_STATE_OK = frozenset(
    "ok success succeeded successful completed complete done passed healthy online up active "
    "running ready".split()
)
CHAR_NGRAMS = (2, 5)


def level_class(level: str | None) -> str:
    """The level's class; an unknown word counts as no level."""
    return _LEVEL_CLASS_OF.get(normalise_level(level or None) or "", "none")


def normalise(message: str) -> str:
    """The message as the model reads it: lower case, variable values masked."""
    text = (message or "").lower()
    has_digit = _ANY_DIGIT.search(text) is not None
    for pattern, replacement, needs in _MASKS:
        if has_digit if needs is _DIGIT else needs in text:
            text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text).strip()


class Text(NamedTuple):
    """A message as the model reads it: as written (for its shape) and masked (for its words)."""

    raw: str
    masked: str


def text_of(message: str | None) -> Text:
    return Text(message or "", normalise(message or ""))


def word_terms(text: Text) -> list[str]:
    """Words and word pairs of the masked message, plus the words of CamelCase names."""
    words = _WORD.findall(text.masked)
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    camel = [
        "camel_" + part.lower()
        for name in _CAMEL.findall(text.raw)
        for part in _CAMEL_PART.findall(name)
    ]
    return words + pairs + camel


@lru_cache(maxsize=1 << 16)
def word_ngrams(word: str) -> tuple[str, ...]:
    """Character n-grams of one masked word, padded with a space each side."""
    # Masked words repeat from line to line, so each is cut once per process.
    low, high = CHAR_NGRAMS
    padded = f" {word} "
    size = len(padded)
    grams = []
    for n in range(low, high + 1):
        if size <= n:  # a short word counts once, whole
            grams.append(padded)
            break
        grams += [padded[i : i + n] for i in range(size - n + 1)]
    return tuple(grams)


def char_terms(text: Text) -> list[str]:
    """Character n-grams inside each masked word (as scikit-learn's char_wb cuts them)."""
    terms = []
    for word in text.masked.split():
        terms += word_ngrams(word)
    return terms


def shape_terms(text: Text) -> list[str]:
    """What a line's shape says besides its words: exception names, HTTP status classes (also
    an access line's), whether a state field's value says failed or ok."""
    terms = [f"status_{match[1]}xx" for match in _STATUS.finditer(text.raw)]
    if "HTTP/" in text.raw:
        terms += [f"status_{match[1]}xx" for match in _ACCESS_STATUS.finditer(text.raw)]
    # Nine lines in ten name no state field: a substring test skips the slower search for them.
    lower = text.raw.lower()
    if (
        "stat" in lower
        or "result" in lower
        or "outcome" in lower
        or "phase" in lower
        or "health" in lower
    ):
        for match in _STATE_FIELD.finditer(text.raw):
            value = match[1].lower()
            if value in _STATE_FAILED:
                terms.append("state_failed")
            elif value in _STATE_OK:
                terms.append("state_ok")
    if _EXCEPTION.search(text.raw):
        terms.append("exception_named")
    if "\n" in text.raw.strip():
        terms.append("multiline")
    return terms or ["plain"]
