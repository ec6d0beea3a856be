"""The edge shipper on its own, as a real `python -m shipper` process against a local sink that
acknowledges every batch at once: catch-up throughput, idle CPU, and write-to-wire detection.

Sizes can be lowered for a quick check: STACKLENS_BENCH_CATCHUP_LINES,
STACKLENS_BENCH_IDLE_SECONDS, STACKLENS_BENCH_DETECTION_LINES.
"""

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY = "bench-host-key"
LINE = "2024-05-01 10:00:00,123 INFO pos.checkout sale completed basket={n} total=12.50 EUR\n"


class Sink:
    """An ingest that answers 202 at once and notes when each event arrived."""

    def __init__(self):
        self.events = 0
        self.arrivals: dict[str, float] = {}  # event text -> monotonic arrival time
        self.keep_arrivals = False
        self._lock = threading.Lock()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                arrived = time.monotonic()
                if self.path == "/ingest":
                    sink._note(body, self.headers.get("Content-Encoding") == "gzip", arrived)
                    answer = b'{"accepted": 0, "duplicates": 0}'
                    self.send_response(202)
                else:
                    answer = b'{"desired_state": "running"}'
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _note(self, body: bytes, gzipped: bool, arrived: float) -> None:
        raw = gzip.decompress(body) if gzipped else body
        with self._lock:
            if self.keep_arrivals:
                for event in json.loads(raw)["events"]:
                    self.arrivals.setdefault(event["line"], arrived)
            self.events += raw.count(b'"file_id"')

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _command(sink: Sink, work: Path, watch: str, *extra: str) -> list[str]:
    key_file = work / "host.key"
    key_file.write_text(KEY)
    return [
        sys.executable,
        "-m",
        "shipper",
        "--watch",
        watch,
        "--endpoint",
        sink.url,
        "--host-id",
        "bench-pos",
        "--store-id",
        "bench-store",
        "--key-file",
        str(key_file),
        "--state-dir",
        str(work / "state"),
        "--log-level",
        "WARNING",
        *extra,
    ]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a running process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def catch_up(lines: int) -> dict:
    """Ship a file of `lines` lines with --once: the whole run, start to exit."""
    work = Path(tempfile.mkdtemp(prefix="stacklens-bench-shipper-"))
    log = work / "big.log"
    with open(log, "w", encoding="utf-8") as handle:
        for start in range(0, lines, 10_000):
            handle.write(
                "".join(LINE.format(n=n) for n in range(start, min(lines, start + 10_000)))
            )
    size = log.stat().st_size
    sink = Sink()
    try:
        started = time.perf_counter()
        usage = _child_usage(_command(sink, work, str(log), "--once"))
        elapsed = time.perf_counter() - started
    finally:
        sink.close()
    cpu = usage["cpu_seconds"]
    return {
        "lines": lines,
        "events_received": sink.events,
        "seconds": round(elapsed, 2),
        "lines_per_second": round(lines / elapsed),
        "mb_per_second": round(size / elapsed / 1e6, 1),
        "cpu_seconds": round(cpu, 2),
        "lines_per_cpu_second": round(lines / cpu) if cpu else None,
        "peak_rss_mb": usage["peak_rss_mb"],
    }


# Runs a command as the only child of a fresh Python, which reports the child's CPU time and
# peak RSS: this process's own children (the local stack of other benches) never count.
_MEASURE = """
import json, resource, subprocess, sys
subprocess.run(json.loads(sys.argv[1]), check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}))
"""


def _child_usage(command: list[str]) -> dict:
    answer = subprocess.run(
        [sys.executable, "-c", _MEASURE, json.dumps(command)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(answer.stdout.strip().splitlines()[-1])


def idle(seconds: float, files: int = 20) -> dict:
    """CPU share of a shipper watching `files` files that nobody writes."""
    work = Path(tempfile.mkdtemp(prefix="stacklens-bench-shipper-"))
    logs = work / "logs"
    logs.mkdir()
    for number in range(files):
        (logs / f"idle-{number}.log").write_text(LINE.format(n=number))
    sink = Sink()
    process = subprocess.Popen(_command(sink, work, str(logs / "*.log")), cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while sink.events < files and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # settled: every file read
        cpu_before, wall_before = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        cpu = _cpu_seconds(process.pid) - cpu_before
        wall = time.monotonic() - wall_before
    finally:
        process.terminate()
        process.wait(timeout=15)
        sink.close()
    return {"files": files, "seconds": round(wall, 1), "cpu_percent": round(100 * cpu / wall, 3)}


def detection(lines: int, gap_seconds: float = 0.05) -> dict:
    """Write one line at a time; time from the write to its batch arriving at the sink."""
    work = Path(tempfile.mkdtemp(prefix="stacklens-bench-shipper-"))
    logs = work / "logs"
    logs.mkdir()
    log = logs / "app.log"
    log.write_text(LINE.format(n="warm-up"))
    sink = Sink()
    sink.keep_arrivals = True
    process = subprocess.Popen(_command(sink, work, str(logs / "*.log")), cwd=ROOT)
    written: dict[str, float] = {}
    try:
        deadline = time.monotonic() + 30
        while sink.events < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        with open(log, "a", encoding="utf-8") as handle:
            for number in range(lines):
                text = LINE.format(n=f"detect-{number}")
                handle.write(text)
                handle.flush()
                written[text.rstrip("\n")] = time.monotonic()
                time.sleep(gap_seconds)
        deadline = time.monotonic() + 10
        while len(sink.arrivals) < lines + 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(timeout=15)
        sink.close()
    latencies = sorted(
        (sink.arrivals[text] - moment) * 1000
        for text, moment in written.items()
        if text in sink.arrivals
    )
    return {
        "lines": lines,
        "arrived": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
    }


def run(
    catch_up_lines: int | None = None,
    idle_seconds: float | None = None,
    detection_lines: int | None = None,
) -> dict:
    environment = os.environ.get
    catch_up_lines = catch_up_lines or int(environment("STACKLENS_BENCH_CATCHUP_LINES", 1_000_000))
    idle_seconds = idle_seconds or float(environment("STACKLENS_BENCH_IDLE_SECONDS", 60))
    detection_lines = detection_lines or int(environment("STACKLENS_BENCH_DETECTION_LINES", 200))
    return {
        "shipper_catch_up": catch_up(catch_up_lines),
        "shipper_idle": idle(idle_seconds),
        "shipper_detection": detection(detection_lines),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
