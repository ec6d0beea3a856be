"""A stack trace -> what identifies the crash: the exception type and the in-app frames.

Line numbers, values and install paths change between releases and hosts; the exception type
and the functions it passed through do not, so those name the problem (Python and Java).
"""

import re
from dataclasses import dataclass

# How many in-app frames, from the innermost, name the crash site.
FRAMES_KEPT = 3

_PY_HEADER = "Traceback (most recent call last):"
_PY_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line \d+, in (?P<function>\S+)')
_PY_EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::\s?(?P<message>.*))?$")
_PY_LIBRARY_PATHS = ("site-packages", "dist-packages", "/lib/python", "\\lib\\", "<frozen")

_JAVA_FRAME = re.compile(r"^\s+at (?P<method>[\w$.<>/]+)\(")
_JAVA_EXCEPTION = re.compile(
    r"^(?:Caused by: |Exception in thread \"[^\"]*\" )?"
    r"(?P<type>(?:[\w$]+\.)*[\w$]*(?:Exception|Error|Throwable))(?::\s?(?P<message>.*))?$"
)
_JAVA_LIBRARY_PACKAGES = ("java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.")
_SYNTHETIC_COUNTER = re.compile(r"\$\d+")


@dataclass(frozen=True)
class CrashSite:
    """The exception type and the frames (innermost first) that identify one crash."""

    exception_type: str
    frames: tuple[str, ...]
    exception_message: str = ""


def crash_site(trace: str) -> CrashSite | None:
    """The crash site of a Python traceback or a Java stack trace, or None if `trace` is neither."""
    lines = trace.replace("\r\n", "\n").split("\n")
    if any(line.strip() == _PY_HEADER for line in lines):
        return _python(lines)
    return _java(lines)


def _python(lines: list[str]) -> CrashSite | None:
    # A chained traceback prints the cause first; the last block is the exception that escaped.
    start = max(index for index, line in enumerate(lines) if line.strip() == _PY_HEADER)
    frames: list[tuple[str, str]] = []
    exception = None
    for line in lines[start + 1 :]:
        frame = _PY_FRAME.match(line)
        if frame:
            frames.append((frame["path"], frame["function"]))
            continue
        if line and not line[0].isspace():
            exception = _PY_EXCEPTION.match(line.strip()) or exception
            if exception:
                break
    if exception is None:
        return None
    in_app = [f for f in frames if not any(mark in f[0] for mark in _PY_LIBRARY_PATHS)]
    chosen = (in_app or frames)[-FRAMES_KEPT:]
    names = tuple(f"{_module_name(path)}.{function}" for path, function in reversed(chosen))
    return CrashSite(exception["type"], names, (exception["message"] or "").strip())


def _module_name(path: str) -> str:
    name = re.split(r"[\\/]", path)[-1]
    return name[:-3] if name.endswith(".py") else name


def _java(lines: list[str]) -> CrashSite | None:
    # Group by the root cause (the last "Caused by:"), at its innermost frames.
    blocks: list[tuple[re.Match, list[str]]] = []
    for line in lines:
        stripped = line.strip()
        frame = _JAVA_FRAME.match(line)
        if frame and blocks:
            blocks[-1][1].append(frame["method"])
            continue
        exception = _JAVA_EXCEPTION.match(stripped)
        if exception and not line[:1].isspace():
            blocks.append((exception, []))
    blocks = [block for block in blocks if block[1]]
    if not blocks:
        return None
    exception, methods = blocks[-1]
    in_app = [m for m in methods if not m.startswith(_JAVA_LIBRARY_PACKAGES)]
    chosen = (in_app or methods)[:FRAMES_KEPT]
    # Lambdas and synthetic accessors carry counters (lambda$run$3): not part of the identity.
    names = tuple(_SYNTHETIC_COUNTER.sub("$", method) for method in chosen)
    return CrashSite(exception["type"], names, (exception["message"] or "").strip())
