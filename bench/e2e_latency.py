"""Write -> Jira issue latency: distinct new errors written to a watched log file, each timed
from the write to the `created` time of its issue in the Jira emulator.

Real processes as a user runs them: `stacklens local` (moto, functions, pollers, emulator) and
`stacklens ship` tailing the file. The stack's own log lines (Powertools JSON, millisecond
timestamps) split each latency: write -> ticket job queued (shipper, ingest's write of the new
group, stream poller, decide) -> issue created (SQS poller, jira function, Jira); and write ->
batch ingested, which ends after the job is queued when decide starts on ingest's group write.
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import requests

from local_runner.ports import free_port

# Distinct words make distinct templates: numbers and ids would be masked into one group.
PRODUCTS = """apple banana cherry damson elderberry fig grape honeydew kiwi lemon mango
nectarine orange papaya quince raspberry strawberry tangerine ugli vanilla watermelon yam
zucchini almond brazil cashew date espresso fennel garlic hazelnut jasmine kale lavender
mint nutmeg oregano paprika quinoa rosemary saffron thyme turmeric umami walnut wasabi
yoghurt basil chive dill""".split()
WARM_UP = "warmup"
ADMIN = {
    "Authorization": "Bearer demo-admin-token"
}  # the first error pays for first connections; it is reported on its own


def _wait(check, timeout: float, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    return None


def _issue_times(jira_url: str) -> dict[str, float]:
    """Issue creation times by the product word in the summary."""
    issues = requests.get(f"{jira_url}/_emulator/issues", timeout=5).json()
    issues = issues.get("issues", issues) if isinstance(issues, dict) else issues
    times = {}
    for issue in issues:
        fields = issue.get("fields", issue)
        summary, created = fields.get("summary", ""), fields.get("created")
        for word in [WARM_UP, *PRODUCTS]:
            if f"product {word} " in summary + " " and created:
                times[word] = datetime.strptime(created, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
    return times


# The functions' log messages that close a stage: ingest's, and decide's once the job is queued.
STAGE_MESSAGES = ("batch ingested", "decided")


def _logged_times(log_path: Path) -> list[tuple[float, str]]:
    """(unix time, message) of the stack's log lines that close a stage."""
    times = []
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if not line.startswith("{"):
                continue
            try:
                record = json.loads(line)
                if record.get("message") not in STAGE_MESSAGES:
                    continue
                if record["message"] == "decided" and record.get("action") != "create":
                    continue  # a later change of the same group is not timed
                moment = datetime.strptime(record["timestamp"], "%Y-%m-%d %H:%M:%S,%f%z")
            except (ValueError, KeyError):
                continue
            times.append((moment.timestamp(), record["message"]))
    return times


def stage_medians(written: dict[str, float], created: dict[str, float], log_path: Path) -> dict:
    """Median ms of each stage. Errors are written one at a time, far enough apart that every
    stage of one ends before the next is written, so a stage's log line belongs to the error
    written last before it."""
    logged = _logged_times(log_path)
    writes = sorted((t, w) for w, t in written.items() if w != WARM_UP and w in created)
    stages: dict[str, list[float]] = {
        "write_to_batch_ingested": [],
        "write_to_ticket_job_queued": [],
        "ticket_job_queued_to_issue_created": [],
    }
    for index, (start, word) in enumerate(writes):
        end = writes[index + 1][0] if index + 1 < len(writes) else float("inf")
        first = {}
        for moment, message in logged:
            if start <= moment < end and message not in first:
                first[message] = moment
        if {"batch ingested", "decided"} <= first.keys():
            stages["write_to_batch_ingested"].append(first["batch ingested"] - start)
            stages["write_to_ticket_job_queued"].append(first["decided"] - start)
            stages["ticket_job_queued_to_issue_created"].append(created[word] - first["decided"])
    return {
        name: round(statistics.median(values) * 1000, 1)
        for name, values in stages.items()
        if values
    }


def run(count: int = 50, gap_seconds: float = 0.3) -> dict:
    bin_dir = Path(sys.executable).parent
    work = Path(tempfile.mkdtemp(prefix="stacklens-bench-"))
    ports = {name: free_port() for name in ("api", "pos", "jira", "url")}
    env = {
        **os.environ,
        "STACKLENS_API_PORT": str(ports["api"]),
        "STACKLENS_POS_PORT": str(ports["pos"]),
        "STACKLENS_JIRA_PORT": str(ports["jira"]),
        "STACKLENS_FUNCTION_URL_PORT": str(ports["url"]),
        "STACKLENS_STATE_DIR": str(work / "state"),
        # Every error here is a new problem that must get its own issue to be timed.
        "MAX_NEW_TICKETS_PER_HOUR": str(count + 10),
    }
    api, jira = f"http://127.0.0.1:{ports['api']}", f"http://127.0.0.1:{ports['jira']}"
    shipper_url = f"http://127.0.0.1:{ports['url']}"  # the ingest function's URL
    processes = []
    log_output = open(work / "stack.log", "wb")
    try:
        stack = subprocess.Popen(
            [str(bin_dir / "stacklens"), "local"],
            env=env,
            stdout=log_output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(stack)

        def api_ready():
            try:
                return requests.get(f"{api}/api/automation/status", headers=ADMIN, timeout=1).ok
            except requests.RequestException:
                return False

        if not _wait(api_ready, 90):
            raise RuntimeError("the local stack did not start: see " + str(work / "stack.log"))
        key = requests.post(
            f"{api}/api/hosts",
            json={"host_id": "bench-host", "store": "B001"},
            headers=ADMIN,
            timeout=10,
        ).json()["key"]
        (work / "host.key").write_text(key + "\n")
        log_file = work / "logs" / "pos.log"
        log_file.parent.mkdir()
        log_file.write_text("")
        shipper = subprocess.Popen(
            [
                str(bin_dir / "stacklens"), "ship",
                "--watch", str(log_file.parent / "*.log"),
                "--endpoint", shipper_url,
                "--host-id", "bench-host",
                "--store-id", "B001",
                "--key-file", str(work / "host.key"),
                "--state-dir", str(work / "shipper"),
            ],
            stdout=log_output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        processes.append(shipper)
        time.sleep(2)  # let the shipper find the file before the clock starts

        written: dict[str, float] = {}
        with open(log_file, "a", encoding="utf-8") as log:
            for word in [WARM_UP, *PRODUCTS[:count]]:
                stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S,%f")[:-3]
                line = (
                    f"{stamp} CRITICAL [pos.pricing] Pricing error | "
                    f"Missing price for product {word} (bench)\n"
                )
                written[word] = time.time()
                log.write(line)
                log.flush()
                if word == WARM_UP:
                    _wait(lambda: WARM_UP in _issue_times(jira), 30)
                time.sleep(gap_seconds)

        created = _wait(lambda: (t := _issue_times(jira)) and len(t) > count and t, 30) or {}
        created = created or _issue_times(jira)
        first_ms = (created[WARM_UP] - written[WARM_UP]) * 1000 if WARM_UP in created else None
        in_order = [
            (created[w] - written[w]) * 1000 for w in written if w in created and w != WARM_UP
        ]
        if os.environ.get("STACKLENS_BENCH_VERBOSE"):
            print("latencies in write order (ms):", [round(x) for x in in_order], file=sys.stderr)
        latencies = sorted(in_order)
        if not latencies:
            raise RuntimeError("no issue was created: see " + str(work / "stack.log"))
        quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
        result = {
            "e2e_latency_ms": {
                "p50": round(statistics.median(latencies), 1),
                "p95": round(quantiles[94], 1),
                "max": round(latencies[-1], 1),
                "errors_written": count,
                "issues_created": len(latencies),
                "first_error_after_start_ms": first_ms and round(first_ms, 1),
            }
        }
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        log_output.close()
    # The stack's log is complete (flushed) only once it has stopped.
    result["e2e_latency_ms"]["stage_p50_ms"] = stage_medians(written, created, work / "stack.log")
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
