"""CloudWatch metrics of each invocation through Powertools (embedded metric format: JSON lines
in the function's log, so no CloudWatch permission is needed). Namespace and service come from
POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME (template.yaml's Globals).

Each invocation keeps its own metric set: Powertools' `Metrics` shares one set per process,
which the local runner's concurrent invocations (threads of one process) would mix up.
"""

import functools
import threading
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit
from aws_lambda_powertools.metrics.functions import is_metrics_disabled

_invocation = threading.local()


def publishes_metrics(handler: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Decorates a Lambda handler: what `count` records during the call is flushed at its end."""

    @functools.wraps(handler)
    def invoked(event, context):
        metrics = EphemeralMetrics()
        _invocation.metrics = metrics
        try:
            return handler(event, context)
        finally:
            _invocation.metrics = None
            if metrics.metric_set and not is_metrics_disabled():
                metrics.flush_metrics()

    return invoked


def count(name: str, value: float = 1) -> None:
    """Add to a Count metric of the running invocation (nothing outside one, e.g. in a CLI)."""
    metrics = getattr(_invocation, "metrics", None)
    if metrics is not None and value:
        metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)
