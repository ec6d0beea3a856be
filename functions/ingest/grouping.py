"""Raw lines -> group ids, exactly as ingest names their groups (the fingerprint).

Most lines repeat a shape seen before: the same text with other digits in the same places.
Parsing and masking read digits only as digits (never their values) for a single line that is
neither JSON nor syslog with a priority, so such a line gets its shape's group straight away
(when its template kept no digit).
"""

import re
from collections.abc import Iterable, Iterator

from functions.ingest.fingerprint import Signature, signature_of
from functions.ingest.parsing import parse

# Every digit read as 0: lines with one shape share a key (lengths and places kept). On the
# UTF-8 bytes: a byte table translates some twenty times faster than str.translate, and only
# ASCII digits turn, in both (a multi-byte character never holds an ASCII byte).
_ANY_DIGIT_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_ASCII_DIGIT = re.compile("[0-9]")
# Bounded memory: the shape cache is dropped when this full (it is only a shortcut).
MAX_SHAPES = 100_000


class LineGrouper:
    """Feed lines; each gets the fingerprint of its group (the same in every process)."""

    def __init__(self) -> None:
        self._by_shape: dict[bytes, str] = {}
        self._digit_free: dict[str, bool] = {}  # template -> holds no digit (most repeat)
        self.templates: dict[str, str] = {}  # fingerprint -> template of its first line

    def group_of(self, line: str) -> str:
        # surrogatepass: a lone surrogate (undecodable input) still has a shape.
        shape = line.encode("utf-8", "surrogatepass").translate(_ANY_DIGIT_AS_ZERO)
        fingerprint = self._by_shape.get(shape)
        if fingerprint is not None:
            # Its shape came from a line that went none of the long ways below, and what they
            # look at is no digit: neither does this line.
            return fingerprint
        # A syslog priority or a JSON level is a number whose value matters (JSON may come
        # after the spaces json.loads skips); a trace names functions that may differ by a
        # digit. Those lines always take the long way. ("" is in every string: so is "".)
        first = line[:1]
        if first in "<{ \t\r" and (first in "<{" or line.lstrip(" \t\r")[:1] == "{"):
            return self._fingerprint(line)
        if "\n" in line:
            return self._fingerprint(line)
        signature = self._signature(line)
        # A digit that no mask took ("retry 5- of 7") is in the template as written: lines of
        # this shape may differ in it, so the shape names no group.
        digit_free = self._digit_free.get(signature.template)
        if digit_free is None:
            digit_free = _ASCII_DIGIT.search(signature.template) is None
            if len(self._digit_free) >= MAX_SHAPES:
                self._digit_free.clear()
            self._digit_free[signature.template] = digit_free
        if digit_free:
            if len(self._by_shape) >= MAX_SHAPES:
                self._by_shape.clear()
            self._by_shape[shape] = signature.fingerprint
        return signature.fingerprint

    def _fingerprint(self, line: str) -> str:
        return self._signature(line).fingerprint

    def _signature(self, line: str) -> Signature:
        signature = signature_of(parse(line))
        self.templates.setdefault(signature.fingerprint, signature.template)
        return signature


def group_ids(lines: Iterable[str]) -> Iterator[str]:
    """The group id of each line, in order."""
    grouper = LineGrouper()
    for line in lines:
        yield grouper.group_of(line)
