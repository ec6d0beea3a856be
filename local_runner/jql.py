"""The subset of JQL the Jira emulator understands, parsed and matched the way Jira Cloud does.

Enough for StackLens's searches (by label, project, status, resolution); anything beyond it is
refused with a Jira-style "Error in the JQL Query" message rather than silently matching wrongly.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NoReturn

# The fields a query may name (lower-cased spelling -> Jira's own spelling).
FIELDS = {
    "project": "project",
    "labels": "labels",
    "status": "status",
    "statuscategory": "statusCategory",
    "issuetype": "issuetype",
    "type": "issuetype",
    "priority": "priority",
    "key": "key",
    "issuekey": "key",
    "resolution": "resolution",
}
ORDERABLE = ("created", "updated", "key")
# Words that name "no value" for one field, as `resolution = Unresolved` does.
EMPTY_WORDS = {"resolution": frozenset({"unresolved"})}
EMPTY = None  # stands for EMPTY / NULL in a clause's values
MAX_NESTING = 100  # NOTs and parentheses inside one another; deeper would exhaust the stack

_RESERVED_WORDS = frozenset({"and", "or", "not", "in", "is", "order", "by"})
_VALID_OPERATORS = (
    "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', "
    "'IS' and 'IS NOT'."
)
_ESCAPES = {'"': '"', "'": "'", "\\": "\\", "n": "\n", "t": "\t", "r": "\r", " ": " "}
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<unclosed>["'])
      | (?P<op>!=|!~|>=|<=|[=~<>(),])
      | (?P<word>[\w.:-]+)""",
    re.VERBOSE | re.DOTALL,
)

# An issue as a query sees it: for each field, its values, each the lower-cased names and ids
# that identify it (a status is both "in progress" and "3").
IssueValues = Mapping[str, Sequence[frozenset[str]]]
# For each field, every lower-cased name or id a query may use; None accepts any value.
Catalog = Mapping[str, frozenset[str] | None]


class JqlError(ValueError):
    """A query Jira would refuse; the message is what Jira puts in errorMessages."""


@dataclass(frozen=True)
class Clause:
    field: str
    operator: str  # "=", "!=", "in", "not in", "is", "is not"
    values: tuple[str | None, ...]  # lower-cased; EMPTY for EMPTY / NULL

    def matches(self, issue: IssueValues) -> bool:
        present = issue.get(self.field, ())
        hit = any(
            value in names for value in self.values if value is not EMPTY for names in present
        )
        if self.operator in ("=", "in", "is"):
            return hit or (EMPTY in self.values and not present)
        # As in Jira, negative operators never match an issue whose field is empty.
        return bool(present) and not hit


@dataclass(frozen=True)
class Not:
    inner: "Condition"

    def matches(self, issue: IssueValues) -> bool:
        return not self.inner.matches(issue)


@dataclass(frozen=True)
class AllOf:
    parts: tuple["Condition", ...]

    def matches(self, issue: IssueValues) -> bool:
        return all(part.matches(issue) for part in self.parts)


@dataclass(frozen=True)
class AnyOf:
    parts: tuple["Condition", ...]

    def matches(self, issue: IssueValues) -> bool:
        return any(part.matches(issue) for part in self.parts)


Condition = Clause | Not | AllOf | AnyOf


@dataclass(frozen=True)
class JqlQuery:
    condition: Condition | None  # None: no restriction at all
    order_by: tuple[tuple[str, bool], ...]  # (field, descending)

    def matches(self, issue: IssueValues) -> bool:
        return self.condition is None or self.condition.matches(issue)


@dataclass(frozen=True)
class _Token:
    kind: str  # string | word | op | end
    text: str  # decoded for strings
    position: int

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.lower() in words


def parse_jql(text: str, catalog: Catalog) -> JqlQuery:
    """Parse `text`, checking every value against `catalog` as Jira checks it against the site."""
    return _Parser(text, catalog).query()


class _Parser:
    def __init__(self, text: str, catalog: Catalog):
        self.text = text
        self.catalog = catalog
        self.tokens = list(self._tokenize())
        self.index = 0
        self.nesting = 0

    # Tokens

    def _tokenize(self):
        position = 0
        while position < len(self.text):
            match = _TOKEN.match(self.text, position)
            if match is None:
                character = self.text[position]
                self.fail(
                    f"The character '{character}' is a reserved JQL character. You must enclose "
                    f"it in a string or use the escape '\\u{ord(character):04x}' instead.",
                    position,
                )
            kind = match.lastgroup
            if kind == "unclosed":
                unfinished = self.text[position + 1 :]
                self.fail(
                    f"The quoted string '{unfinished}' has not been completed.", len(self.text)
                )
            if kind == "string":
                yield _Token("string", self._unescape(match.group(), position), position)
            elif kind != "space":
                yield _Token(kind, match.group(), position)
            position = match.end()
        yield _Token("end", "", len(self.text))

    def _unescape(self, quoted: str, position: int) -> str:
        decoded, index, body = [], 0, quoted[1:-1]
        while index < len(body):
            character = body[index]
            if character != "\\":
                decoded.append(character)
                index += 1
                continue
            escape = body[index + 1]
            if escape in _ESCAPES:
                decoded.append(_ESCAPES[escape])
                index += 2
            elif escape == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[index + 2 : index + 6]):
                decoded.append(chr(int(body[index + 2 : index + 6], 16)))
                index += 6
            else:
                self.fail(
                    f"'\\{escape}' is an illegal JQL escape sequence. The valid escape sequences "
                    "are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.",
                    position + 1 + index,
                )
        return "".join(decoded)

    def fail(self, detail: str, position: int) -> NoReturn:
        line = self.text.count("\n", 0, position) + 1
        column = position - (self.text.rfind("\n", 0, position) + 1) + 1
        raise JqlError(f"Error in the JQL Query: {detail} (line {line}, character {column})")

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def unexpected(self, expecting: str, at_end: str | None = None) -> NoReturn:
        token = self.peek()
        if token.kind == "end":
            self.fail(
                at_end or f"Expecting {expecting} before the end of the query.", token.position
            )
        self.fail(f"Expecting {expecting} but got '{token.text}'.", token.position)

    # Grammar: query := [or_expr] [ORDER BY field [ASC|DESC] {, field [ASC|DESC]}]

    def query(self) -> JqlQuery:
        condition = None
        if self.peek().kind != "end" and not self.peek().is_word("order"):
            condition = self.any_of()
        order_by = self.order_by() if self.peek().is_word("order") else ()
        if self.peek().kind != "end":
            self.unexpected("either 'OR' or 'AND'")
        return JqlQuery(condition, order_by)

    def any_of(self) -> Condition:
        parts = [self.all_of()]
        while self.peek().is_word("or"):
            self.take()
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def all_of(self) -> Condition:
        parts = [self.negation()]
        while self.peek().is_word("and"):
            self.take()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def negation(self) -> Condition:
        token = self.peek()
        if not (token.is_word("not") or (token.kind == "op" and token.text == "(")):
            return self.clause()
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            self.fail(
                f"The query nests NOT and parentheses over {MAX_NESTING} deep.", token.position
            )
        self.take()
        if token.is_word("not"):
            inner = Not(self.negation())
        else:
            inner = self.any_of()
            if not (self.peek().kind == "op" and self.peek().text == ")"):
                self.unexpected("')'")
            self.take()
        self.nesting -= 1
        return inner

    def clause(self) -> Clause:
        field = self.field_name(
            FIELDS, "a field name", "Expecting a field name at the end of the query."
        )
        operator_token = self.peek()
        operator = self.operator()
        if operator in ("in", "not in"):
            values = self.value_list(field)
        else:
            values = (self.value(field),)
        if operator in ("is", "is not") and values != (EMPTY,):
            self.fail(
                f"The operator '{operator.upper()}' only supports EMPTY or NULL.",
                operator_token.position,
            )
        return Clause(field, operator, values)

    def field_name(self, known: Mapping[str, str], expecting: str, at_end: str) -> str:
        token = self.peek()
        if token.kind not in ("word", "string") or token.is_word(*_RESERVED_WORDS):
            self.unexpected(expecting, at_end)
        self.take()
        if token.text.lower() not in known:
            supported = ", ".join(sorted(set(known.values())))
            self.fail(
                f"Field '{token.text}' does not exist or is not supported by the Jira emulator "
                f"(supported here: {supported}).",
                token.position,
            )
        return known[token.text.lower()]

    def operator(self) -> str:
        token = self.peek()
        if token.kind == "op" and token.text in ("=", "!="):
            self.take()
            return token.text
        if token.kind == "op" and token.text in ("~", "!~", "<", ">", "<=", ">="):
            self.fail(
                f"The operator '{token.text}' is not supported by the Jira emulator.",
                token.position,
            )
        if token.is_word("in"):
            self.take()
            return "in"
        if token.is_word("is"):
            self.take()
            if self.peek().is_word("not"):
                self.take()
                return "is not"
            return "is"
        if token.is_word("not") and self.tokens[self.index + 1].is_word("in"):
            self.index += 2
            return "not in"
        if token.kind == "end":
            self.fail(
                f"Expecting operator before the end of the query. {_VALID_OPERATORS}",
                token.position,
            )
        self.fail(f"Expecting operator but got '{token.text}'. {_VALID_OPERATORS}", token.position)

    def value_list(self, field: str) -> tuple[str | None, ...]:
        if not (self.peek().kind == "op" and self.peek().text == "("):
            self.unexpected("'(' to open a list of values")
        self.take()
        values = [self.value(field)]
        while self.peek().kind == "op" and self.peek().text == ",":
            self.take()
            values.append(self.value(field))
        if not (self.peek().kind == "op" and self.peek().text == ")"):
            self.unexpected("',' or ')'")
        self.take()
        return tuple(values)

    def value(self, field: str) -> str | None:
        token = self.peek()
        if token.kind == "word" and token.text.lower() in ("empty", "null"):
            self.take()
            return EMPTY
        if token.kind not in ("word", "string") or token.is_word(*_RESERVED_WORDS):
            self.unexpected("either a value, list or function")
        self.take()
        value = token.text.lower()
        if value in EMPTY_WORDS.get(field, ()):
            return EMPTY
        allowed = self.catalog.get(field)
        if allowed is not None and value not in allowed:
            if field == "key":
                raise JqlError(f"An issue with key '{token.text}' does not exist for field 'key'.")
            raise JqlError(f"The value '{token.text}' does not exist for the field '{field}'.")
        return value

    def order_by(self) -> tuple[tuple[str, bool], ...]:
        self.take()
        if not self.peek().is_word("by"):
            self.unexpected("'by'")
        self.take()
        keys = []
        while True:
            known = {name: name for name in ORDERABLE}
            field = self.field_name(
                known, "a field name", "Expecting a field name at the end of the query."
            )
            descending = False
            if self.peek().is_word("asc", "desc"):
                descending = self.take().text.lower() == "desc"
            keys.append((field, descending))
            if not (self.peek().kind == "op" and self.peek().text == ","):
                return tuple(keys)
            self.take()
