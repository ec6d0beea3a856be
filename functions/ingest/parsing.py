"""Log event text -> timestamp, level, logger, message (and the stack trace that followed).

Known layouts are tried in order (JSON, log4j/logback, Python logging, syslog, a generic
"timestamp LEVEL ..." line); anything else keeps its text as the message and gets a level
guessed from its words, so no line is ever refused for its format.
"""

import json
import re
from typing import NamedTuple

LEVELS = ("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

_LEVEL_ALIASES = {
    "TRACE": "TRACE",
    "FINEST": "TRACE",
    "FINER": "TRACE",
    "DEBUG": "DEBUG",
    "FINE": "DEBUG",
    "CONFIG": "DEBUG",
    "VERBOSE": "DEBUG",
    "INFO": "INFO",
    "INFORMATION": "INFO",
    "NOTICE": "INFO",
    "WARN": "WARNING",
    "WARNING": "WARNING",
    "ERR": "ERROR",
    "ERROR": "ERROR",
    "SEVERE": "ERROR",
    "CRIT": "CRITICAL",
    "CRITICAL": "CRITICAL",
    "FATAL": "CRITICAL",
    "ALERT": "CRITICAL",
    "EMERG": "CRITICAL",
    "EMERGENCY": "CRITICAL",
    "PANIC": "CRITICAL",
}
# Syslog severities 0..7 (RFC 5424 section 6.2.1).
_SYSLOG_SEVERITY = ("CRITICAL", "CRITICAL", "CRITICAL", "ERROR", "WARNING", "INFO", "INFO", "DEBUG")

_LEVEL = r"(?P<level>" + "|".join(sorted(_LEVEL_ALIASES, key=len, reverse=True)) + r")"
_TIMESTAMP = (
    r"(?P<timestamp>\[?(?:\d{4}-\d{2}-\d{2}[T ]|\d{2,4}/\d{2}/\d{2}[ T])"
    r"\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:\s?Z|\s?[+-]\d{2}:?\d{2})?\]?)"
)
_SYSLOG_DATE = r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}"

# Each layout: a regex on the first line with the named groups it fills (`thread` is dropped).
_LAYOUTS = [
    # nginx error log: 2026/11/26 12:00:01 [error] 1234#1234: *5678 msg
    re.compile(
        r"^(?P<timestamp>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) \[(?P<level>[a-z]+)\] "
        r"\d+#\d+: (?:\*\d+ )?(?P<message>.*)$"
    ),
    # Apache error log: [Thu Nov 26 12:00:03.123 2026] [proxy:error] [pid 1:tid 2] [client a] msg
    re.compile(
        r"^\[(?P<timestamp>[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d "
        r"\d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4})\] "
        r"\[(?:(?P<logger>[\w-]+):)?(?P<level>[a-z]+)\d?\](?: \[pid [^\]]*\])?"
        r"(?: \[client [^\]]*\])?\s*(?P<message>.*)$"
    ),
    # log4j:   2026-11-26 12:00:00.123 ERROR [main] com.x.Y - msg
    re.compile(
        rf"^{_TIMESTAMP}\s+{_LEVEL}\s+\[(?P<thread>[^\]]*)\]\s+(?P<logger>[\w.$]+)\s+-\s(?P<message>.*)$",
        re.IGNORECASE,
    ),
    # logback: 2026-11-26 12:00:00.123 [main] ERROR com.x.Y - msg
    re.compile(
        rf"^{_TIMESTAMP}\s+\[(?P<thread>[^\]]*)\]\s+{_LEVEL}\s+(?P<logger>[\w.$]+)\s+-\s(?P<message>.*)$",
        re.IGNORECASE,
    ),
    # Python:  2026-11-26 12:00:00,123 CRITICAL [pos.pricing] msg
    re.compile(
        rf"^{_TIMESTAMP}\s+{_LEVEL}:?\s+\[(?P<logger>[^\]]+)\]:?\s+(?P<message>.*)$",
        re.IGNORECASE,
    ),
    # Python:  2026-11-26 12:00:00,123 - pos.pricing - ERROR - msg
    re.compile(
        rf"^{_TIMESTAMP}\s+-\s+(?P<logger>\S+)\s+-\s+{_LEVEL}\s+-\s(?P<message>.*)$",
        re.IGNORECASE,
    ),
    # Python basicConfig: ERROR:pos.pricing:msg
    re.compile(rf"^{_LEVEL}:(?P<logger>[\w.]+):(?P<message>.*)$"),
    # Hadoop, Spark, many others: TS LEVEL logger: msg   /   TS [LEVEL] msg   /   TS LEVEL msg
    re.compile(
        rf"^{_TIMESTAMP}\s+(?:-\s+)?\[?{_LEVEL}\]?:?\s+"
        rf"(?:(?P<logger>[\w.$]+(?:\[[^\]]*\])?):\s+)?(?P<message>.*)$",
    ),
    # No timestamp:  [ERROR] msg   /   ERROR msg   /   ERROR: msg
    re.compile(rf"^\[?{_LEVEL}\]?:?\s+(?P<message>.*)$"),
]

# RFC 5424: <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG
_SYSLOG_5424 = re.compile(
    r"^<(?P<pri>\d{1,3})>1 (?P<timestamp>\S+) \S+ (?P<logger>\S+) \S+ \S+ "
    r"(?:-|(?:\[[^\]]*\])+)\s?(?P<message>.*)$"
)
# RFC 3164: <PRI>Mmm dd HH:MM:SS HOST TAG[PID]: MSG  (PRI optional as written to files)
_SYSLOG_3164 = re.compile(
    rf"^(?:<(?P<pri>\d{{1,3}})>)?(?P<timestamp>{_SYSLOG_DATE}) \S+ "
    r"(?P<logger>[\w./-]+)(?:\[\d+\])?: (?P<message>.*)$"
)
_LEADING_LEVEL = re.compile(rf"^\[?{_LEVEL}\]?:?\s+(?P<rest>.*)$")
# What a line must start with for any of the above to read it: JSON's "{" (after spaces),
# syslog's "<PRI>" or month and day, a "[", a date, or a whole level word in capitals (what
# follows a level is never another capital). One match sends other lines to the guess.
_MAY_HAVE_LAYOUT = re.compile(
    r"\s*\{|<|[A-Z][a-z]{2} [ \d]\d |\[|\d{2,4}[-/]\d{2}[-/]\d{2}|"
    + _LEVEL.replace("(?P<level>", "(?:")
    + "(?![A-Z])"
)

_JSON_LEVEL_KEYS = ("level", "levelname", "severity", "log.level", "lvl", "loglevel")
_JSON_MESSAGE_KEYS = ("message", "msg", "event", "text")
_JSON_TIME_KEYS = ("timestamp", "@timestamp", "time", "ts", "asctime", "datetime")
_JSON_LOGGER_KEYS = ("logger", "logger_name", "name", "log.logger", "module")
_JSON_TRACE_KEYS = ("exc_info", "exception", "stack_trace", "stacktrace", "stack", "traceback")

_TRACEBACK_HEADER = "Traceback (most recent call last):"

# Keyword guesses for text with no level, strongest first: (level, what its keywords hold,
# each keyword held by one of them, the keywords as whole words). Matched on lower-cased text:
# one search for any of what they hold first, as most lines hold none of them.
_GUESSES = (
    (
        "CRITICAL",
        ("fatal", "critical", "panic", "emergency"),
        ("fatal", "critical", "panic", "emergency"),
    ),
    (
        "ERROR",
        (
            *("error", "exception", "traceback", "fail", "refused", "denied", "unreachable"),
            *("timed out", "timeout"),
        ),
        (
            *("error", "errors", "exception", "traceback", "fail", "failed", "failure"),
            *("refused", "denied", "unreachable", "timed out", "timeout"),
        ),
    ),
    (
        "WARNING",
        ("warn", "deprecated", "retrying", "slow"),
        ("warn", "warning", "deprecated", "retrying", "slow"),
    ),
)


class ParsedLine(NamedTuple):
    """One log event, parsed. `trace` is whatever followed the first line (a stack trace).
    A named tuple: immutable like a frozen dataclass, and made in half the time."""

    level: str
    message: str
    timestamp: str | None = None
    logger: str | None = None
    trace: str | None = None
    layout: str = "unknown"


def normalise_level(word: str | int | None) -> str | None:
    """TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL for a level word or syslog number."""
    if isinstance(word, bool) or word is None:
        return None
    if isinstance(word, int):
        # Python's numeric levels (10 DEBUG .. 50 CRITICAL) as JSON loggers write them.
        for threshold, level in ((50, "CRITICAL"), (40, "ERROR"), (30, "WARNING"), (20, "INFO")):
            if word >= threshold:
                return level
        return "DEBUG" if word >= 10 else "TRACE"
    return _LEVEL_ALIASES.get(str(word).strip().upper())


# A search tries a pattern only where the text holds a letter the pattern can start with, so
# each pattern below starts with as few and as rare letters as it can.
_LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz"  # in English text, most common first


def _from_least_common_letter(needles: list[str]) -> str:
    """An alternation finding each needle from its least common letter, the letters before
    that checked behind it ("x(?<=ex)ception")."""
    branches: dict[str, list[str]] = {}
    for needle in needles:
        at = max(range(len(needle)), key=lambda index: _LETTERS_BY_FREQUENCY.find(needle[index]))
        behind = f"(?<={re.escape(needle[: at + 1])})" if at else ""
        branches.setdefault(needle[at], []).append(behind + re.escape(needle[at + 1 :]))
    return "|".join(f"{re.escape(letter)}(?:{'|'.join(rest)})" for letter, rest in branches.items())


def _as_whole_words(words: tuple[str, ...]) -> str:
    """The words as whole words, each starting with its first letter (a "\\b" first would let
    a search skip no place): "(?<!\\w.)" after a word's first letter is the "\\b" before it."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = (f"{re.escape(first)}(?<!\\w.)(?:{'|'.join(rest)})" for first, rest in rests.items())
    return f"(?:{'|'.join(branches)})\\b"


# Any keyword's text: one search tells that a line (most lines) holds none of them.
_ANY_GUESS_NEEDLE = re.compile(
    _from_least_common_letter([needle for _, needles, _ in _GUESSES for needle in needles])
)
_GUESS_WORDS = tuple((level, re.compile(_as_whole_words(words))) for level, _, words in _GUESSES)


def guess_level(text: str) -> str:
    """A level from the words of a line that carries none."""
    lowered = text.lower()
    if _ANY_GUESS_NEEDLE.search(lowered) is None:
        return "INFO"
    for level, whole_words in _GUESS_WORDS:
        if whole_words.search(lowered):
            return level
    return "INFO"


def parse(event_text: str) -> ParsedLine:
    """Parse one event: its first line gives the fields, the rest is kept as its trace."""
    if "\n" in event_text:
        first, _, rest = event_text.replace("\r\n", "\n").partition("\n")
        trace = rest.strip("\n") or None
    else:  # most events: one line
        first, trace = event_text, None
    stripped = first.strip()
    if stripped == _TRACEBACK_HEADER:
        return _bare_traceback(event_text.strip("\n"))
    if _MAY_HAVE_LAYOUT.match(first) is None:  # most lines that are only a message
        parsed = ParsedLine(guess_level(event_text), stripped)
    else:
        # JSON starts with "{"; syslog with "<PRI>" or (RFC 3164 as written to files) a
        # month's capital; every other layout with a timestamp ("[" or a digit) or a level.
        start = first[:1]
        capital = "A" <= start <= "Z"
        parsed = (
            (_parse_json(first) if stripped[:1] == "{" else None)
            or (_parse_syslog(first) if capital or start == "<" else None)
            or (_parse_layouts(first) if capital or start == "[" or start.isdigit() else None)
            or ParsedLine(guess_level(event_text), stripped)
        )
    if trace and not parsed.trace:
        parsed = ParsedLine(
            parsed.level, parsed.message, parsed.timestamp, parsed.logger, trace, parsed.layout
        )
    return parsed


# Every layout starts with a timestamp (a digit or "["), or a level word in capitals (its
# "[" or first letter): a line starting otherwise is tried against none of them.
_TIMESTAMP_FIRST = tuple(range(len(_LAYOUTS)))
_LEVEL_FIRST = tuple(
    index
    for index, layout in enumerate(_LAYOUTS)
    if layout.pattern.startswith(("^(?P<level>", r"^\[?(?P<level>"))
)


# A line that starts with a digit can only match where it starts with a date; one that starts
# with a capital only where its first word in capitals is a level word (what follows a level
# is "]", ":" or a space, never another capital).
_DATE_FIRST = re.compile(r"\d{2,4}[-/]\d{2}[-/]\d{2}")
_CAPITALS_FIRST = re.compile(r"[A-Z]+")


def _layouts_for(line: str) -> tuple[int, ...]:
    first = line[:1]
    if first == "[":
        # "[" and a date, "[" and a capital (Apache's day, a level word): any layout.
        second = line[1:2]
        if "A" <= second <= "Z" or (second.isdigit() and _DATE_FIRST.match(line, 1)):
            return _TIMESTAMP_FIRST
        return ()
    if first.isdigit():
        return _TIMESTAMP_FIRST if _DATE_FIRST.match(line) else ()
    if "A" <= first <= "Z" and _CAPITALS_FIRST.match(line)[0] in _LEVEL_ALIASES:
        return _LEVEL_FIRST
    return ()


def _parse_layouts(line: str) -> ParsedLine | None:
    for index in _layouts_for(line):
        match = _LAYOUTS[index].match(line)
        if not match:
            continue
        fields = match.groupdict()
        return ParsedLine(
            level=normalise_level(fields["level"]) or "INFO",
            message=fields["message"].strip(),
            timestamp=(fields.get("timestamp") or "").strip("[]") or None,
            logger=fields.get("logger"),
            layout=f"layout{index}",
        )
    return None


def _parse_syslog(line: str) -> ParsedLine | None:
    match = (_SYSLOG_5424.match(line) if line[0] == "<" else None) or _SYSLOG_3164.match(line)
    if not match:
        return None
    message = match["message"].strip()
    level = None
    leading = _LEADING_LEVEL.match(message)
    if leading:  # an app that writes its own level inside the syslog message
        level, message = normalise_level(leading["level"]), leading["rest"].strip()
    if level is None and match["pri"] is not None:
        level = _SYSLOG_SEVERITY[int(match["pri"]) % 8]
    return ParsedLine(
        level=level or guess_level(message),
        message=message,
        timestamp=match["timestamp"],
        logger=match["logger"],
        layout="syslog",
    )


def _first_of(record: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _parse_json(line: str) -> ParsedLine | None:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict):
        return None
    message = _first_of(record, _JSON_MESSAGE_KEYS)
    message = line.strip() if message is None else _as_text(message)
    level_value = _first_of(record, _JSON_LEVEL_KEYS)
    if _is_pino_level(record, level_value):
        level = _PINO_LEVELS.get(
            level_value // 10 * 10, "CRITICAL" if level_value > 60 else "TRACE"
        )
    else:
        level = normalise_level(
            level_value if isinstance(level_value, int) else _as_text(level_value)
        )
    trace = _first_of(record, _JSON_TRACE_KEYS)
    timestamp = _first_of(record, _JSON_TIME_KEYS)
    logger = _first_of(record, _JSON_LOGGER_KEYS)
    return ParsedLine(
        level=level or guess_level(line),
        message=message.strip(),
        timestamp=None if timestamp is None else _as_text(timestamp),
        logger=None if logger is None else _as_text(logger),
        trace=_as_text(trace) if isinstance(trace, (str, list, dict)) else None,
        layout="json",
    )


# pino and bunyan number their levels one step above Python's (50 is an error, 60 fatal).
_PINO_LEVELS = {10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARNING", 50: "ERROR", 60: "CRITICAL"}


def _is_pino_level(record: dict, level_value) -> bool:
    """A numeric level written by pino or bunyan: they always add `pid` and `hostname`."""
    if isinstance(level_value, bool) or not isinstance(level_value, int):
        return False
    return level_value >= 60 or ("pid" in record and "hostname" in record)


def _as_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "".join(value) if any(item.endswith("\n") for item in value) else "\n".join(value)
    return json.dumps(value, sort_keys=True)


def _bare_traceback(text: str) -> ParsedLine:
    """An uncaught exception printed with no log line: the exception line is the message."""
    lines = [line for line in text.splitlines() if line.strip()]
    final = next(
        (line.strip() for line in reversed(lines) if not line.startswith((" ", "\t"))),
        lines[-1].strip(),
    )
    return ParsedLine(level="ERROR", message=final, trace=text, layout="traceback")
