"""A message -> its template: the variable parts (ids, numbers, paths...) masked.

Two lines of one event type ("Missing price for product 999 (order 7f3a, store S001)" and
"... product 12 (order 9c1e, store S002)") get one template. The order of the masks matters,
the most specific first, so a uuid is not read as five numbers.

Speed: most masks cannot match across a space, so a message is masked word by word, and a word
once masked is remembered (words and their shapes come back line after line); only where a mask
could span words (quotes, a number and its unit...) is the text masked whole. Both ways give
one template (a property test holds them equal).
"""

import operator
import re
from typing import NamedTuple

# Only the start of a message is templated: it names the event; a 200 KiB dump after it
# would only cost time.
MAX_TEMPLATE_INPUT = 2048


def _ipv6(match: re.Match) -> str:
    candidate = match.group(0)
    # "::" alone or a C++ scope are no address: it needs hex digits in at least two groups.
    groups = [group for group in candidate.split(":") if group]
    return "<host>" if len(groups) >= 2 and any(c.isdigit() for c in candidate) else candidate


class _Clues(NamedTuple):
    """What a message holds, counted once: each mask's hint reads these instead of the text.
    Counts of the message as given are upper bounds for every later step, as no mask
    writes any of these characters or a digit. Counts stop at the most any hint asks for,
    so few texts differ in their clues and the masks to try are looked up by them."""

    digit: bool
    colons: int
    dashes: int
    dots: int
    double_quote: bool
    quotes: bool
    slashes: bool
    scheme: bool
    at: bool


def _clues_of(text: str) -> tuple:
    """The clues of a text as a plain tuple (made faster than a _Clues; the same key)."""
    colons = text.count(":")
    dashes = text.count("-")
    dots = text.count(".")
    double_quote = '"' in text
    return (
        _DIGIT.search(text) is not None,
        colons if colons < 2 else 2,
        dashes if dashes < 4 else 4,
        dots if dots < 3 else 3,
        double_quote,
        double_quote or "'" in text,
        "/" in text or "\\" in text,
        "://" in text,
        "@" in text,
    )


# A host name ends in a real top-level domain, so "pos.pricing" or "app.py" stay words.
_HOST_NAME = (
    r"(?:[A-Za-z0-9-]+\.)+(?:com|net|org|io|edu|gov|mil|int|info|biz|co|"
    r"uk|de|fr|nl|se|no|es|it|jp|cn|hk|ru|br|au|ca|us|eu|local|lan|internal|corp)"
)

# (replacement, pattern, hint), applied in this order. A mask is only tried when its hint
# holds: what the pattern cannot match without (a digit, two colons, four dashes...). A count
# costs far less than a regex pass, and most masks have nothing to find in most lines.
_MASKS = [
    # A request line keeps its method: a GET and a DELETE of one path are two events.
    (
        lambda request: f'"{request[1]} <path>"',
        re.compile(r'"(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) [^"\s]+(?: HTTP/[\d.]+)?"'),
        lambda clues: clues.double_quote,
    ),
    (
        "<url>",
        re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>()\[\]]+"),
        lambda clues: clues.scheme,
    ),
    (
        "<email>",
        re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
        lambda clues: clues.at,
    ),
    (
        "<uuid>",
        re.compile(
            r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
        ),
        lambda clues: clues.dashes >= 4,
    ),
    (
        "<date>",
        re.compile(
            r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
            r"(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        ),
        lambda clues: clues.digit and clues.dashes >= 2,
    ),
    (
        "<time>",
        re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b"),
        lambda clues: clues.digit and clues.colons >= 2,
    ),
    # mm:ss without hours is a length of time ("lifetime 00:17"), as is "<1 sec".
    (
        "<duration>",
        re.compile(r"(?<![\w:.])\d{1,2}:\d{2}(?![\w:.])"),
        lambda clues: clues.digit and clues.colons >= 1,
    ),
    # _ipv6 leaves a candidate with no digit as it is.
    (
        _ipv6,
        re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"),
        lambda clues: clues.digit and clues.colons >= 2,
    ),
    (
        "<host>",
        re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])"),
        lambda clues: clues.digit and clues.dots >= 3,
    ),
    # An address or a name (see _HOST_NAME): one mask, as a setting may use either.
    (
        "<host>",
        re.compile(rf"(?<![\w.-]){_HOST_NAME}(?::\d{{1,5}})?(?![\w-])"),
        lambda clues: clues.dots >= 1,
    ),
    # A name with a port is a network address, whatever its top-level domain (or none).
    (
        "<host>",
        re.compile(r"(?<![\w.-])[A-Za-z][\w-]*(?:\.[\w-]+)+:\d{2,5}(?![\w.:-])"),
        lambda clues: clues.digit and clues.dots >= 1 and clues.colons >= 1,
    ),
    (
        "<str>",
        re.compile(r"(?<!\w)'[^'\n]{0,256}'(?!\w)|\"(?!\w+ <path>\")[^\"\n]{0,256}\""),
        lambda clues: clues.quotes,
    ),
    (
        "<path>",
        re.compile(
            r"(?<![\w./])(?:\.{1,2})?/(?:[\w.@%+~-]*/)*[\w.@%+~-]*[\w@%+~-]"
            r"|\b[A-Za-z]:\\(?:[^\\\s]+\\)*[^\\\s]*"
        ),
        lambda clues: clues.slashes,
    ),
    (
        "<duration>",
        re.compile(
            r"(?<![\w.])(?:[<>]=?)?\d+(?:\.\d+)?\s?(?:ns|us|µs|ms|s|secs?|seconds?|mins?|minutes?|"
            r"h|hrs?|hours?)(?![\w.])"
        ),
        lambda clues: clues.digit,
    ),
    # A size with its unit is one value; "1024 bytes (1.0 KB)" says it twice.
    (
        "<size>",
        re.compile(
            r"(?<![\w.])\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|B|bytes?|[kKMG])(?![\w.])"
            r"(?:\s?\(\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|B|bytes?)\))?"
        ),
        lambda clues: clues.digit,
    ),
    # Any other word holding a digit: numbers, hex, ids (S001, 7f3a, ORD-2024-0001, 0x1f).
    # One mask for all of them, so an id that happens to be all digits keeps its template.
    (
        "<*>",
        re.compile(r"(?<![\w.-])[-+]?(?=[\w.-]*\d)[\w.-]*\w(?![\w-])"),
        lambda clues: clues.digit,
    ),
]
# "items [1, 2, 3]" and "items [4]" are one event type.
_REPEATED_MASK = re.compile(r"(<([\w*]+)>)(?:[\s,;]+<\2>)+")
# A replacement as a function, not r"\1": re parses a template string in Python on each call.
_FIRST_GROUP = operator.itemgetter(1)
_DIGIT = re.compile(r"\d")
# A token is a value, not a word of the message, when it looks like an identifier: snake_case
# or an ENUM_VALUE, a dotted or $-qualified name, key:value or key=value, a call or an index.
# Words never are: "lock held" and "lock released", "printer offline" and "scanner offline"
# stay two events. The forms: "\w[_.$:=/\\]\w", "[A-Z]{2,}_", "\w\(\w", "\w\[", each written
# from its punctuation, what stands before it checked behind: a search skips to the few places
# holding such a character, where a pattern starting with "\w" is tried at nearly every one.
_IDENTIFIER_FORMS = r"(?<=\w[_.$:=/\\])\w|(?<=[A-Z][A-Z]_)|(?<=\w\()\w|(?<=\w\[)"
_IDENTIFIER = re.compile(rf"[_.$:=/\\(\[](?:{_IDENTIFIER_FORMS})")
# A mask ("<[\w*]+>") or an identifier, found from "<" or the punctuation alike.
_VALUE_LIKE = re.compile(rf"[<_.$:=/\\(\[](?:(?<=<)[\w*]+>|{_IDENTIFIER_FORMS})")
_SHAPED_MASKS = _MASKS[:-3]
# What a text masked whole can be (the ipv6 mask's function gives "<host>" too).
_WHOLE_MASKS = frozenset(mask for mask, _, _ in _MASKS if isinstance(mask, str))
_REQUEST_LINE_MASK, _REQUEST_LINE, _ = _MASKS[0]
# The masks whose hints hold, by clues (a few hundred kinds of clues at most).
_SHAPED_MASKS_FOR: dict[tuple, tuple] = {}
# The last three need nothing but a digit.
_DIGIT_MASKS = [(replacement, pattern) for replacement, pattern, _ in _MASKS[-3:]]
# A digit and the first letter of a duration's or a size's unit, maybe one space between.
_DIGITS_THEN_UNIT = re.compile(r"\d\s?[nuµmshKMGTPBbk]")
# A template's tokens are mostly words and masks that come back on line after line: what each
# becomes is kept (bounded: dropped when this full).
MAX_CACHED_TOKENS = 50_000
# ... and only short ones: a long word seldom comes back, and memory stays a few MB.
MAX_CACHED_TOKEN_CHARS = 100
_TOKEN_IN_TEMPLATE: dict[str, tuple[str, str]] = {}  # token -> in template, in key
_MASKED_WORD: dict[str, str] = {}
_MASKED_SHAPE: dict[bytes, str] = {}
_ANY_DIGIT_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
# Where a mask may match across a space, a space joins two words into one: a number and its
# unit (as the duration and size masks read them), a size and its repeat in parentheses, a
# date and its time. (Quotes too: a message holding one is masked whole.) The repeat follows
# the size's unit, so a "(" joins only after a unit's last letter ("0x1f80 (8064)" stays two
# words: such words are masked one by one, and their shapes come back).
_UNIT = (
    r"(?:ns|us|µs|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|[KMGTP]i?B|B|bytes?|[kKMG])"
    r"(?![\w.])"
)
_AFTER_SIZE_UNIT = "(?<=[BeskKMG])"  # B, KB, KiB, byte, bytes, k, K, M, G
_JOIN = rf"(?<=\d)\s(?={_UNIT})|{_AFTER_SIZE_UNIT}\s(?=\(\d)|(?<=\d) (?=\d\d:)"
# Whether a text has a place to join (or a tab before a time: a few more places, none fewer),
# found faster: the search stops only at whitespace, far rarer in a line than digits.
_ANY_JOIN = re.compile(rf"\s(?:(?<=\d\s)(?:{_UNIT}|\d\d:)|(?<=[BeskKMG]\s)\(\d)")
# The same where every whitespace is a space (a printable text): a search skips to a literal
# first character quickly, while "\s" is tested at every character.
_ANY_JOIN_AT_SPACE = re.compile(rf" (?:(?<=\d )(?:{_UNIT}|\d\d:)|(?<=[BeskKMG] )\(\d)")
_WORDS = re.compile(rf"\S+(?:(?:{_JOIN})\S+)*")
_TOKEN_IN_GROUP_KEY: dict[str, str] = {}
# The template of a masked text, kept by that text: texts of one event type come back with
# other values each time (bounded like the token caches, and only texts this short).
MAX_CACHED_TEMPLATES = 20_000
MAX_CACHED_TEMPLATE_CHARS = 1000
_TEMPLATE_OF_MASKED: dict[str, str] = {}
# The group key of each template _template_of_masked made (bounded alike).
_GROUP_KEY_OF_TEMPLATE: dict[str, str] = {}


def template_of(message: str, *, word_by_word: bool = True) -> str:
    """The message with its variable parts replaced by <kind> masks, spaces collapsed.
    word_by_word=False masks the whole text at once: the same template, only slower."""
    text = message
    if len(text) > MAX_TEMPLATE_INPUT:
        # Cut at a space: a value cut in half would no longer look like one.
        text = text[:MAX_TEMPLATE_INPUT].rsplit(" ", 1)[0]
    if word_by_word and ("'" in text or '"' in text):
        word_by_word, text = _request_line_masked(text)
    if not word_by_word:
        text = _masked(text)
    else:
        # No mask matches across the spaces between words (see _JOIN): each word is masked on
        # its own, as it would be in place, and words come back line after line.
        may_join = (_ANY_JOIN_AT_SPACE if text.isprintable() else _ANY_JOIN).search(text)
        words = text.split() if may_join is None else _WORDS.findall(text)
        masked = list(map(_MASKED_WORD.get, words))  # most words are known: one pass in C
        unknown = 0
        for _ in range(masked.count(None)):  # and the few others found in C too
            unknown = masked.index(None, unknown)
            masked[unknown] = _masked_word(words[unknown])
        text = " ".join(masked)
    # Lines of one event type mask to one text, whatever their values were.
    template = _TEMPLATE_OF_MASKED.get(text)
    if template is None:
        template = _template_of_masked(text)
        if len(text) <= MAX_CACHED_TEMPLATE_CHARS:
            if len(_TEMPLATE_OF_MASKED) >= MAX_CACHED_TEMPLATES:
                _TEMPLATE_OF_MASKED.clear()
            _TEMPLATE_OF_MASKED[text] = template
    return template


def _request_line_masked(text: str) -> tuple[bool, str]:
    """(True, the text with its request line masked) when the quotes of one request line (an
    access log's "GET /path HTTP/1.1") are all the quotes it holds: that mask comes first, and
    what it leaves ("GET <path>") no later mask reads, so the rest masks word by word.
    (False, the text) otherwise: quotes may span words, the text is masked whole."""
    if "'" not in text:
        masked, lines = _REQUEST_LINE.subn(_REQUEST_LINE_MASK, text)
        if lines == 1 and masked.count('"') == 2:
            return True, masked
    return False, text


def _template_of_masked(text: str) -> str:
    """Masked text -> template: repeated masks as one, identifier-like tokens as <*>. Its
    group key is made in the same pass and kept for group_key (every new template is
    fingerprinted next)."""
    if "<" in text:
        text = _REPEATED_MASK.sub(_FIRST_GROUP, text)
    both = _tokens_mapped(text.split(), _TOKEN_IN_TEMPLATE, _token_in_template_and_key)
    template_tokens, key_tokens = zip(*both, strict=True) if both else ((), ())
    template = " ".join(template_tokens)
    if len(template) <= MAX_CACHED_TEMPLATE_CHARS:
        if len(_GROUP_KEY_OF_TEMPLATE) >= MAX_CACHED_TEMPLATES:
            _GROUP_KEY_OF_TEMPLATE.clear()
        _GROUP_KEY_OF_TEMPLATE[template] = " ".join(key_tokens)
    return template


def _token_in_template_and_key(token: str) -> tuple[str, str]:
    """A masked text's token in the template (identifier-like: "<*>"), and that in the group
    key, with one regex search at most: a token the template keeps is value-like only
    through a mask (it holds no identifier), and "<*>" is value-like."""
    # isalpha first: most tokens are plain words, and that test is the cheapest.
    if token.isalpha():
        return token, token
    if "<" in token:
        return token, _token_in_group_key(token)
    if _IDENTIFIER.search(token):
        return "<*>", "<*>"
    return token, token


def _tokens_mapped(tokens: list[str], known: dict, rule) -> list:
    """Each token as `rule` maps it; what it maps a token to is kept in `known` (bounded),
    and the known ones are looked up in one pass in C."""
    if len(known) >= MAX_CACHED_TOKENS:
        known.clear()
    kept = list(map(known.get, tokens))
    unknown = 0
    for _ in range(kept.count(None)):
        unknown = kept.index(None, unknown)
        token = tokens[unknown]
        kept[unknown] = rule(token)
        if len(token) <= MAX_CACHED_TOKEN_CHARS:
            known[token] = kept[unknown]
    return kept


def _masked(text: str) -> str:
    """Every mask, in order, over the text."""
    clues = _clues_of(text)
    masks = _SHAPED_MASKS_FOR.get(clues)
    if masks is None:
        named = _Clues(*clues)
        masks = tuple(
            (replacement, pattern) for replacement, pattern, hint in _SHAPED_MASKS if hint(named)
        )
        _SHAPED_MASKS_FOR[clues] = masks
    for replacement, pattern in masks:
        masked = pattern.sub(replacement, text)
        # A text masked whole ("<host>"...) holds nothing any mask reads (no digit, dot,
        # colon, slash, quote, "@" or dash): the rest have nothing to find. (sub gives the
        # text itself back when nothing matched.)
        if masked is not text and masked in _WHOLE_MASKS:
            return masked
        text = masked
    # The masks above often took every digit (dates, addresses): then these have nothing left.
    # A duration or a size needs a unit right after its digits (or one space after them).
    if clues[0] and _DIGIT.search(text):
        masks = _DIGIT_MASKS if _DIGITS_THEN_UNIT.search(text) else _DIGIT_MASKS[2:]
        for replacement, pattern in masks:
            text = pattern.sub(replacement, text)
    return text


# Most values are one run of ASCII letters, digits and underscores holding a digit (counts,
# ids, hex), maybe in brackets, after a key of letters ("size=", "id:") or before a comma or a
# colon. No mask but the last three can read such a word (none of the characters the others
# need is in it; a colon alone is read only next to digits on both sides, or in pairs), and
# each of those takes the run whole or not at all (its ends are where a word character stops;
# the key holds no digit): the first that matches the whole run masks it.
_PLAIN_VALUE = re.compile(r"([(\[{]*(?:[A-Za-z_]+[=:])?)([A-Za-z_]*[0-9][A-Za-z0-9_]*)([,;:)\]}]*)")


def _masked_plain_value(word: str) -> str | None:
    """The word masked, if it is a plain value (see _PLAIN_VALUE); None if not."""
    plain = _PLAIN_VALUE.fullmatch(word)
    if plain is None or word.count(":") > 1:
        return None
    before, value, after = plain.groups()
    # A duration or a size is digits then a unit, letters alone (here, with no dot or space):
    # most values (numbers, hex, ids) are neither, seen without a regex. The last mask takes
    # any such run.
    if value.lstrip("0123456789").isalpha():
        for replacement, pattern in _DIGIT_MASKS[:2]:
            if pattern.fullmatch(value):
                return before + replacement + after
    return before + _DIGIT_MASKS[2][0] + after


# An IPv4 address, maybe with a port, maybe after "/" (a socket as Java prints it) or a bracket
# and before a bracket, comma or colon. Before the address mask, only the time, duration and
# ipv6 masks could read such a word (its colons and digits), and none can: the digits before
# a colon follow a dot, and nothing follows a second colon. The address mask takes the address
# whole, and no later mask finds anything in what is left (no digit, dot or word after "/").
_PLAIN_ADDRESS = re.compile(
    r"([/(\[]?)([0-9]{1,3}(?:\.[0-9]{1,3}){3}(?::[0-9]{1,5})?)([)\]]?[,;:]?)"
)


def _masked_address(word: str) -> str | None:
    """The word masked, if it is an address as _PLAIN_ADDRESS reads it; None if not."""
    address = _PLAIN_ADDRESS.fullmatch(word)
    if address is None:
        return None
    return f"{address[1]}<host>{address[3]}"


# A host name (see _HOST_NAME), maybe with a port. Of the masks before the name mask, only
# uuid and date could read such a word (its dashes), and they need two dashes at least; the
# name mask takes it whole: a top-level domain holds no digit or dash, and ends the name.
_PLAIN_HOST = re.compile(rf"{_HOST_NAME}(?::[0-9]{{1,5}})?")


def _masked_host(word: str) -> str | None:
    """ "<host>", if the word is a host name as _PLAIN_HOST reads it; None if not."""
    if _PLAIN_HOST.fullmatch(word) is None or word.count("-") > 1:
        return None
    return "<host>"


# With no digit, a word can only be masked as a url, an email, a uuid, a host name, a quote or
# a path: each needs one of these characters, or four dashes (a uuid of hex letters alone).
_READ_WITHOUT_DIGIT = re.compile(r"[\d/\\@.\"']")


def _masked_word(word: str) -> str:
    """One word (or words joined, see _JOIN) masked, remembered by the word and by its shape
    (template_of looks the word up first)."""
    if word.isalpha():  # no mask matches letters alone
        masked = word
        # ... nor a template or group-key rule: the word stands for itself in both, noted
        # here once rather than when its first template is made.
        if len(word) <= MAX_CACHED_TOKEN_CHARS:
            _TOKEN_IN_TEMPLATE[word] = (word, word)
    else:
        # The masks read a digit only as a digit: words of one shape (every digit as 0) are
        # masked alike, to the letter when no digit is left in the result.
        shape = word.encode("utf-8", "surrogatepass").translate(_ANY_DIGIT_AS_ZERO)
        masked = _MASKED_SHAPE.get(shape)
        if masked is None:
            # No digit is left in an address, a host name (both hold dots), a plain value (it
            # holds none) or a word no mask reads.
            if "." in word:
                masked = _masked_address(word) or _masked_host(word)
            else:
                masked = _masked_plain_value(word)
                if (
                    masked is None
                    and _READ_WITHOUT_DIGIT.search(word) is None
                    and word.count("-") < 4
                ):
                    masked = word
            digit_left = masked is None and _DIGIT.search(masked := _masked(word)) is not None
            if not digit_left and len(word) <= MAX_CACHED_TOKEN_CHARS:
                if len(_MASKED_SHAPE) >= MAX_CACHED_TOKENS:
                    _MASKED_SHAPE.clear()
                _MASKED_SHAPE[shape] = masked
    if len(word) <= MAX_CACHED_TOKEN_CHARS:
        if len(_MASKED_WORD) >= MAX_CACHED_TOKENS:
            _MASKED_WORD.clear()
        _MASKED_WORD[word] = masked
    return masked


def is_value_like(token: str) -> bool:
    """Could this token of a template be a value rather than a word of the message?"""
    return _VALUE_LIKE.search(token) is not None


def group_key(template: str) -> str:
    """What a group is named by: the template with every value token one "<*>", whatever its
    kind, so "chdir(<path>)" and "chdir(<*>)", "<time>" and "<duration>" are one event type."""
    key = _GROUP_KEY_OF_TEMPLATE.get(template)  # most templates were just made by template_of
    if key is None:
        tokens = template.split(" ")
        key = " ".join(_tokens_mapped(tokens, _TOKEN_IN_GROUP_KEY, _token_in_group_key))
    return key


def _token_in_group_key(token: str) -> str:
    # isalpha first, as in _token_in_template: letters alone are never value-like.
    if token.isalpha() or not _VALUE_LIKE.search(token):
        return token
    return "<*>"


def clear_caches() -> None:
    """Forget every token seen (a fresh process, as a benchmark's fresh run needs)."""
    for cache in (
        _TOKEN_IN_TEMPLATE,
        _TOKEN_IN_GROUP_KEY,
        _MASKED_WORD,
        _MASKED_SHAPE,
        _TEMPLATE_OF_MASKED,
        _GROUP_KEY_OF_TEMPLATE,
        _SHAPED_MASKS_FOR,
    ):
        cache.clear()
