"""`make load`: many simulated shippers post signed batches to a real `stacklens local` for a
while; accepted lines/s, ingest latency, 429/5xx answers, and proof that nothing was lost.

Each simulated shipper batches as the real one does (shipper/sender.py): a batch closes its
linger after its first line (the shipper's second), at once when a line that looks like an
error is written (shipper/urgency.py), or at 500 lines, only one
batch is in flight, a request times out after the shipper's 10 s, and 429, 5xx and no answer
are retried with the shipper's backoff. A slow ingest so makes the next batch bigger rather
than piling up requests. Lines are "written" on a fixed schedule (rate per shipper); a line's
latency runs from its write to the 202 that takes it.

Throughput is `accepted_lines_per_s_steady`, read after the first sixth of the run, beside the
backlog at the end of each sixth and the median latency of the lines written in each (see
SPANS); `accepted_lines_per_s_in_window` (acked within the run over its length) is kept, and is
below the offered rate by the lines still in a linger or in flight when the run ends.

Proof of no loss: every line is in a 202's `accepted` or, for a batch sent again after its
answer was lost, its `duplicates`; for every error kind the count of its group in the status
API (`/api/groups`, admin token) equals the error lines of that kind sent (exactly once), and
the groups' counts sum to all error lines sent.
"""

import argparse
import gzip
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.load_traffic import ERROR_KINDS, PosTraffic
from local_runner.ports import free_port
from shipper.retry import next_delay
from shipper.sender import (
    GZIP_ABOVE_BYTES,
    LINGER_SECONDS,
    MAX_BATCH_EVENTS,
    REQUEST_TIMEOUT_SECONDS,
)
from shipper.signing import signed_headers
from shipper.urgency import looks_like_error

ADMIN_TOKEN = "load-admin-token"
STARTUP_SECONDS = 120
# How long the shippers may take after the run to deliver what they still hold: a stack that
# takes fewer lines/s than offered works through the backlog, and the count is still checked.
DRAIN_SECONDS = 900
# Throughput is read after the first sixth of the run (shippers start together and their first
# batches wait out a linger), and the backlog and latency in each sixth: a stack that keeps up
# accepts the offered rate and keeps its backlog and latency level; one that falls behind shows
# them growing. (Lines acked within the run, divided by its length, cannot reach the offered
# rate however fast the stack: by Little's law the lines still lingering or in flight when it
# ends are the rate times the mean write-to-ack latency.)
SPANS = 6


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command's name (fields 3 on)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _cpu_seconds(pid: int) -> float:
    try:
        fields = _stat(pid)
    except OSError:
        return 0.0  # ended meanwhile
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    """root and every live process below it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(_stat(int(entry.name))[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree += children
        frontier += children
    return tree


@dataclass(frozen=True)
class LoadPlan:
    shippers: int = 200
    duration: float = 60.0
    rate: float = 50.0  # lines per second per shipper
    error_rate: float = 0.01
    linger: float = LINGER_SECONDS
    max_events: int = MAX_BATCH_EVENTS
    drain: float = DRAIN_SECONDS

    @property
    def lines_per_shipper(self) -> int:
        return int(self.duration * self.rate)


@dataclass
class ShipperTally:
    """What one simulated shipper saw; merged after the run (no lock while it runs)."""

    lines_sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    batches: int = 0
    statuses: Counter = field(default_factory=Counter)
    network_errors: int = 0
    resent_lines: int = 0  # lines of batches sent again after no answer (may be duplicates)
    request_ms: list[float] = field(default_factory=list)
    line_ms: list[float] = field(default_factory=list)
    last_ack: float = 0.0
    acks: list[tuple[float, int]] = field(default_factory=list)  # (ack time, lines) per batch
    # write-to-ack ms of the lines written in each sixth of the run
    line_ms_by_span: list[list[float]] = field(default_factory=lambda: [[] for _ in range(SPANS)])
    errors_sent: dict[str, int] = field(default_factory=dict)
    failure: str | None = None


class SimulatedShipper(threading.Thread):
    """One POS host: lines on a schedule, batched and posted over one keep-alive connection."""

    def __init__(self, index, host_id, key, endpoint, plan: LoadPlan, start_at: float, seed: int):
        super().__init__(name=f"shipper-{index}", daemon=True)
        self.host_id, self.key, self.endpoint, self.plan = host_id, key, endpoint, plan
        # Shippers' lines are spread over the first interval so they do not post in step.
        self.first_line_at = start_at + index / (plan.shippers * plan.rate)
        self.traffic = PosTraffic(seed, plan.error_rate)
        self.file_id = f"load-{uuid.uuid4().hex[:12]}"
        self.offset = 0
        self.lines: list[tuple[str, bool]] = []  # (text, looks like an error) by line number
        self.tally = ShipperTally()
        self.start_at = start_at
        self.connection: http.client.HTTPConnection | None = None

    def written_at(self, line_number: int) -> float:
        return self.first_line_at + line_number / self.plan.rate

    def written_by(self, moment: float) -> int:
        """How many of its lines the schedule has written by `moment`."""
        if moment < self.first_line_at:
            return 0
        return min(
            self.plan.lines_per_shipper, int((moment - self.first_line_at) * self.plan.rate) + 1
        )

    def run(self) -> None:
        try:
            self._ship()
        except Exception as error:  # reported in the result: a load test must say why it stopped
            self.tally.failure = f"{type(error).__name__}: {error}"
        finally:
            self.tally.errors_sent = dict(self.traffic.errors_sent)
            if self.connection:
                self.connection.close()

    def _line(self, number: int, wall_offset: float) -> tuple[str, bool]:
        """Line `number` and whether the shipper would send it at once (it looks like an
        error), made once, in order: the batch planning looks ahead of the sending."""
        while len(self.lines) <= number:
            text = self.traffic.line(self.written_at(len(self.lines)) + wall_offset)
            self.lines.append((text, looks_like_error(json.dumps({"line": text}).encode())))
        return self.lines[number]

    def _close_at(self, sent: int, wall_offset: float) -> float:
        """When the batch starting at line `sent` leaves: its linger after its first line, or
        at once when a line that looks like an error is written before that (shipper/sender)."""
        close_at = self.written_at(sent) + self.plan.linger
        last = min(self.plan.lines_per_shipper, sent + self.plan.max_events)
        for number in range(sent, last):
            if self.written_at(number) > close_at:
                break
            if self._line(number, wall_offset)[1]:
                return self.written_at(number)
        return close_at

    def _ship(self) -> None:
        plan, total, sent = self.plan, self.plan.lines_per_shipper, 0
        wall_offset = time.time() - time.monotonic()
        while sent < total:
            pause = self._close_at(sent, wall_offset) - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            due = int((time.monotonic() - self.first_line_at) * plan.rate) + 1
            upto = min(total, max(due, sent + 1), sent + plan.max_events)
            events = []
            for number in range(sent, upto):
                line = self._line(number, wall_offset)[0]
                events.append(
                    {
                        "source": "/var/log/pos/app.log",
                        "file_id": self.file_id,
                        "offset": self.offset,
                        "line": line,
                        "observed_at": _rfc3339(self.written_at(number) + wall_offset),
                    }
                )
                self.offset += len(line.encode("utf-8")) + 1
            self._deliver(events)
            acked = time.monotonic()
            for number in range(sent, upto):
                written = self.written_at(number)
                latency_ms = (acked - written) * 1000
                self.tally.line_ms.append(latency_ms)
                span = int((written - self.start_at) * SPANS / plan.duration)
                self.tally.line_ms_by_span[min(SPANS - 1, max(0, span))].append(latency_ms)
            self.tally.acks.append((acked, upto - sent))
            self.tally.last_ack = acked
            self.tally.lines_sent += upto - sent
            sent = upto

    def _deliver(self, events: list[dict]) -> None:
        """Post until a 2xx, retrying 429, 5xx and network errors with backoff, as the shipper."""
        document = {
            "batch_id": str(uuid.uuid4()),
            "host": self.host_id,
            "store": "L001",
            "events": events,
        }
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if len(body) > GZIP_ABOVE_BYTES:
            body, headers["Content-Encoding"] = gzip.compress(body, mtime=0), "gzip"
        attempt = 0
        while True:
            started = time.monotonic()
            try:
                status, answer, retry_after = self._post(body, headers)
            except (OSError, http.client.HTTPException):
                self.tally.network_errors += 1
                if self.connection:
                    self.connection.close()
                self.connection = None
                status = None
                # The stack may have taken it before the answer was lost: its errors come
                # back as duplicates, which is what exactly-once must say.
                self.tally.resent_lines += len(events)
            else:
                self.tally.statuses[status] += 1
                if 200 <= status < 300:
                    self.tally.request_ms.append((time.monotonic() - started) * 1000)
                    self.tally.batches += 1
                    self.tally.accepted += answer["accepted"]
                    self.tally.duplicates += answer["duplicates"]
                    return
                if status != 429 and status < 500:
                    raise RuntimeError(f"ingest refused a batch: {status} {answer}")
            delay = next_delay(attempt, retry_after if status is not None else None)
            attempt += 1
            time.sleep(delay)

    def _post(self, body: bytes, headers: dict) -> tuple[int, dict, str | None]:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                *self.endpoint, timeout=REQUEST_TIMEOUT_SECONDS
            )
        # Signed at each try: a retry after minutes must still be within the clock window.
        all_headers = {**headers, **signed_headers(self.host_id, self.key, body)}
        self.connection.request("POST", "/ingest", body=body, headers=all_headers)
        response = self.connection.getresponse()
        raw = response.read()
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = {"raw": raw[:200].decode("utf-8", "replace")}
        return response.status, answer, response.getheader("Retry-After")


def _rfc3339(moment: float) -> str:
    whole = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(moment))
    return f"{whole}.{int(moment % 1 * 1000):03d}Z"


class LocalRunner:
    """A real `stacklens local` process on free ports, with its own state directory."""

    def __init__(self, work: Path):
        self.work = work
        self.api_port = free_port()
        self.api_url = f"http://127.0.0.1:{self.api_port}"
        self.shipper_port = free_port()  # the ingest function's URL, where shippers post
        self.output_path = work / "stacklens-local.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "LocalRunner":
        environment = {
            **os.environ,
            "STACKLENS_API_PORT": str(self.api_port),
            "STACKLENS_JIRA_PORT": str(free_port()),
            "STACKLENS_FUNCTION_URL_PORT": str(self.shipper_port),
            "STACKLENS_STATE_DIR": str(self.work / "state"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PYTHONUNBUFFERED": "1",
        }
        for name in ("AWS_ENDPOINT_URL", "JIRA_URL"):
            environment.pop(name, None)
        stacklens = Path(sys.executable).parent / "stacklens"
        with open(self.output_path, "wb") as sink:
            self.process = subprocess.Popen(
                [str(stacklens), "local"],
                env=environment,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"stacklens local exited: see {self.output_path}")
            try:
                self.admin_request("GET", "/api/automation/status")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"stacklens local did not start: see {self.output_path}")

    def admin_request(self, method: str, path: str, document: dict | None = None) -> dict:
        connection = http.client.HTTPConnection("127.0.0.1", self.api_port, timeout=30)
        try:
            body = json.dumps(document).encode() if document is not None else None
            connection.request(
                method,
                path,
                body=body,
                headers={
                    "Authorization": f"Bearer {ADMIN_TOKEN}",
                    "Content-Type": "application/json",
                },
            )
            response = connection.getresponse()
            answer = json.loads(response.read() or b"{}")
            if response.status >= 300:
                raise RuntimeError(f"{method} {path}: {response.status} {answer}")
            return answer
        finally:
            connection.close()

    def cpu_seconds(self) -> float:
        """User + system CPU so far of the runner and any process it started, from Linux
        /proc."""
        return sum(_cpu_seconds(pid) for pid in _process_tree(self.process.pid))

    def stop(self) -> None:
        if not self.process:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass


def _register_hosts(runner: LocalRunner, count: int) -> list[tuple[str, str]]:
    """Hosts registered through the API as an admin would: (host id, key) each."""
    run_id = uuid.uuid4().hex[:6]
    hosts = []
    for index in range(count):
        host_id = f"load-{run_id}-{index:04d}"
        answer = runner.admin_request("POST", "/api/hosts", {"host_id": host_id, "store": "L001"})
        hosts.append((host_id, answer["key"]))
    return hosts


def _percentiles(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p95": None, "max": None}
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1),
        "max": round(ordered[-1], 1),
    }


def check_counts(groups: list[dict], errors_sent: dict[str, int]) -> dict:
    """Per error kind: lines sent against the count of its group(s) in the status API."""
    kinds = {}
    for kind in ERROR_KINDS:
        mine = [group for group in groups if kind.marker in (group.get("template") or "")]
        counted = sum(int(group["count"]) for group in mine)
        kinds[kind.name] = {
            "sent": errors_sent.get(kind.name, 0),
            "counted": counted,
            "groups": len(mine),
            "equal": counted == errors_sent.get(kind.name, 0),
        }
    return kinds


def run_load(plan: LoadPlan) -> dict:
    """Start a local stack, run the plan against it, and report (the stack is stopped after)."""
    work = Path(tempfile.mkdtemp(prefix="stacklens-load-"))
    runner = LocalRunner(work).start()
    try:
        hosts = _register_hosts(runner, plan.shippers)
        start_at = time.monotonic() + 0.5
        shippers = [
            SimulatedShipper(n, host_id, key, ("127.0.0.1", runner.shipper_port), plan, start_at, n)
            for n, (host_id, key) in enumerate(hosts)
        ]
        cpu_before, runner_cpu_before = time.process_time(), runner.cpu_seconds()
        for shipper in shippers:
            shipper.start()
        give_up_at = start_at + plan.duration + plan.drain
        for shipper in shippers:
            shipper.join(timeout=max(0.0, give_up_at - time.monotonic()))
        finished = time.monotonic()
        generator_cpu = time.process_time() - cpu_before
        runner_cpu = runner.cpu_seconds() - runner_cpu_before
        groups = runner.admin_request("GET", "/api/groups?limit=500")["groups"]
        return _report(plan, shippers, groups, start_at, finished, generator_cpu, runner_cpu)
    finally:
        runner.stop()


def _report(plan, shippers, groups, start_at, finished, generator_cpu, runner_cpu) -> dict:
    tallies = [shipper.tally for shipper in shippers]
    still_running = sum(1 for shipper in shippers if shipper.is_alive())
    failures = [tally.failure for tally in tallies if tally.failure]
    errors_sent: Counter = Counter()
    statuses: Counter = Counter()
    for tally in tallies:
        errors_sent.update(tally.errors_sent)
        statuses.update(tally.statuses)
    lines_sent = sum(tally.lines_sent for tally in tallies)
    accepted = sum(tally.accepted for tally in tallies)
    duplicates = sum(tally.duplicates for tally in tallies)
    batches = sum(tally.batches for tally in tallies)
    error_lines = sum(errors_sent.values())
    counted_errors = sum(int(group["count"]) for group in groups)
    resent_lines = sum(tally.resent_lines for tally in tallies)
    kinds = check_counts(groups, errors_sent)
    last_ack = max((tally.last_ack for tally in tallies), default=start_at)
    elapsed = max(last_ack, start_at + plan.duration) - start_at
    # Only error events are claimed, so only they can come back as duplicates (from a batch
    # sent again after its answer was lost); every other line is accepted in every answer.
    non_error_accepted = accepted - (counted_errors - duplicates)
    nothing_lost = (
        not failures
        and not still_running
        and lines_sent == plan.shippers * plan.lines_per_shipper
        and accepted + duplicates == lines_sent
        and duplicates <= resent_lines
        and non_error_accepted == lines_sent - error_lines
        and counted_errors == error_lines
        and all(kind["equal"] for kind in kinds.values())
    )
    wall = finished - start_at
    window_ends = start_at + plan.duration
    steady_from = start_at + plan.duration / SPANS
    acked_steady = sum(
        lines
        for tally in tallies
        for acked, lines in tally.acks
        if steady_from <= acked <= window_ends
    )
    ends_of_sixths = [start_at + plan.duration * (k + 1) / SPANS for k in range(SPANS)]
    backlog = [
        sum(shipper.written_by(end) for shipper in shippers)
        - sum(lines for tally in tallies for acked, lines in tally.acks if acked <= end)
        for end in ends_of_sixths
    ]
    return {
        "load": {
            "plan": {
                "shippers": plan.shippers,
                "duration_s": plan.duration,
                "lines_per_s_per_shipper": plan.rate,
                "offered_lines_per_s": round(plan.shippers * plan.rate),
                "error_rate": plan.error_rate,
                "linger_ms": plan.linger * 1000,
                "max_batch_lines": plan.max_events,
            },
            "lines_sent": lines_sent,
            "accepted": accepted,
            "duplicates": duplicates,
            "accepted_lines_per_s_in_window": round(
                sum(lines for t in tallies for acked, lines in t.acks if acked <= window_ends)
                / plan.duration
            ),
            "accepted_lines_per_s_overall": round(accepted / elapsed) if elapsed else None,
            # The throughput: lines acked after the first sixth of the run, per second.
            "accepted_lines_per_s_steady": round(
                acked_steady / (plan.duration - plan.duration / SPANS)
            ),
            # Lines written and not yet accepted at the end of each sixth of the run (lingering,
            # in flight or queued): it stays level when the stack keeps up and grows by the
            # shortfall when it does not. The steady rate is the offered rate less the growth
            # from the end of the first sixth to the end of the run, over that time.
            "backlog_lines_at_end_of_each_sixth": backlog,
            # Median write-to-ack latency of the lines written in each sixth of the run: flat
            # when the stack keeps up, growing when it falls behind.
            "line_p50_ms_by_sixth_of_run": [
                round(statistics.median(span), 1) if span else None
                for span in (
                    [ms for tally in tallies for ms in tally.line_ms_by_span[index]]
                    for index in range(SPANS)
                )
            ],
            "seconds_to_deliver_all": round(elapsed, 1),
            "batches": batches,
            "mean_batch_lines": round(accepted / batches, 1) if batches else None,
            "ingest_request_ms": _percentiles([ms for t in tallies for ms in t.request_ms]),
            "line_write_to_ack_ms": _percentiles([ms for t in tallies for ms in t.line_ms]),
            "statuses": {str(status): count for status, count in sorted(statuses.items())},
            "answers_429": statuses.get(429, 0),
            "answers_5xx": sum(count for status, count in statuses.items() if status >= 500),
            "network_errors": sum(t.network_errors for t in tallies),
            "error_lines_sent": error_lines,
            "error_lines_counted_in_groups": counted_errors,
            "non_error_lines_sent": lines_sent - error_lines,
            "non_error_lines_accepted": non_error_accepted,
            "lines_resent_after_no_answer": resent_lines,
            "error_kinds": kinds,
            "nothing_lost": nothing_lost,
            "shipper_failures": failures[:5],
            "shippers_unfinished": still_running,
            "generator_cpu_s": round(generator_cpu, 1),
            "generator_cpu_share_of_one_core": round(generator_cpu / wall, 3),
            "runner_cpu_s": round(runner_cpu, 1),
            "runner_cpu_share_of_one_core": round(runner_cpu / wall, 3),
            # On a shared machine the runner gets what the others leave: per CPU second is
            # the figure that compares across runs.
            "accepted_lines_per_runner_cpu_second": round(accepted / runner_cpu)
            if runner_cpu
            else None,
            "cpu_count": os.cpu_count(),
        }
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    defaults = LoadPlan()
    parser.add_argument("--shippers", type=int, default=defaults.shippers)
    parser.add_argument("--duration", type=float, default=defaults.duration, help="seconds")
    parser.add_argument(
        "--rate", type=float, default=defaults.rate, help="lines per second per shipper"
    )
    parser.add_argument("--error-rate", type=float, default=defaults.error_rate)
    parser.add_argument(
        "--linger", type=float, default=defaults.linger, help="batch window in seconds"
    )
    parser.add_argument("--max-batch", type=int, default=defaults.max_events)
    parser.add_argument(
        "--drain", type=float, default=defaults.drain, help="seconds to deliver a backlog"
    )
    args = parser.parse_args(argv)
    plan = LoadPlan(
        args.shippers,
        args.duration,
        args.rate,
        args.error_rate,
        args.linger,
        args.max_batch,
        args.drain,
    )
    result = run_load(plan)
    print(json.dumps(result, indent=2))
    return 0 if result["load"]["nothing_lost"] else 1


if __name__ == "__main__":
    sys.exit(main())
