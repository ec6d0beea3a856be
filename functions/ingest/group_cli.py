"""`stacklens group [FILE]`: one group id per input line, in order (stdin without FILE).

The ids are the fingerprints ingest gives these lines' groups: a log can be checked before it
is shipped.
"""

import argparse
import sys
from typing import TextIO

from functions.ingest.grouping import LineGrouper


def _group(stream: TextIO, with_templates: bool) -> None:
    grouper = LineGrouper()
    for line in stream:  # streamed: a tail -f piped in gets its ids as lines come
        fingerprint = grouper.group_of(line.rstrip("\r\n"))
        if with_templates:
            sys.stdout.write(f"{fingerprint}\t{grouper.templates[fingerprint]}\n")
        else:
            sys.stdout.write(fingerprint + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="stacklens group",
        description="Print one group id per line of FILE (or stdin), in order.",
    )
    parser.add_argument("file", nargs="?", help="a log file; stdin when left out")
    parser.add_argument(
        "--templates",
        action="store_true",
        help="print each id with its group's template (as its first line made it)",
    )
    args = parser.parse_args(argv)
    if args.file is None:
        _group(sys.stdin, args.templates)
        return 0
    try:
        with open(args.file, encoding="utf-8", errors="replace") as stream:
            _group(stream, args.templates)
    except OSError as error:
        print(f"stacklens group: {error}", file=sys.stderr)
        return 1
    return 0
