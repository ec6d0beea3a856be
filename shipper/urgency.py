"""Which events leave at once: the ones that look like errors.

The shipper does not parse logs (ingest does). This is a cheap look at an event's text so a
new error never waits for the batch window, while ordinary lines wait up to it and travel in
bigger batches: every request costs an API Gateway request and a Lambda invocation, which at
one line per request are most of what StackLens costs per line (BENCHMARKS.md, cost). A line
taken for an error by mistake only leaves early; an error missed here waits at most the
window.
"""

import re

# Level words as the common layouts write them ("ERROR", "[error]", "level=error", "<crit>",
# pino's numeric 50 and 60), and the first line of a stack trace. "errors" and "error_count"
# are not words here: "0 errors" is no reason to hurry.
_LOOKS_LIKE_ERROR = re.compile(
    rb"(?i:\b(?:err|error|crit|critical|fatal|severe|panic|emerg|emergency|alert)\b)"
    rb"|Exception\b|Traceback \(most recent call last\)"
    rb'|"level\\?"\s*:\s*[56]0\b'
)
_LINE_FIELD = b'"line": '


def looks_like_error(wire: bytes) -> bool:
    """Whether a spooled event (its wire JSON, shipper/event.encode_event) looks like an error.
    Only its line is read: a source such as /var/log/nginx/error.log says nothing."""
    start = wire.find(_LINE_FIELD)
    return _LOOKS_LIKE_ERROR.search(wire, start if start >= 0 else 0) is not None
