"""Grouping accuracy on Loghub-2k beside Drain3 (default settings), with lines/s for both.

Each system's `Content` column goes line by line through a fresh grouper; grouping accuracy
(GA, the loghub README): a line is right when the set of lines in its predicted group equals
the set in its true group (`EventId`). Scored against the corrected templates (the newer
benchmarks) and the original ones. One configuration for every system, none fitted on these
files; the files are read where they lie and never copied into the repo.
"""

import csv
import os
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from functions.ingest.fingerprint import clear_caches
from functions.ingest.grouping import LineGrouper

SYSTEMS = ("HDFS", "Hadoop", "Spark", "Zookeeper", "BGL", "HPC", "Proxifier", "OpenStack")
LOGHUB = Path(
    os.environ.get("STACKLENS_LOGHUB", Path(__file__).resolve().parents[2] / "shared/data/loghub")
)
# Best of a few fresh runs, in CPU time of this process: the machine is shared, and the least
# disturbed figure is the one to compare (both sides are timed alike).
RUNS = 3


def read_system(system: str, corrected: bool = True) -> tuple[list[str], list[str]]:
    """The lines (`Content`) of one system and their true event ids."""
    suffix = "_corrected" if corrected else ""
    path = LOGHUB / system / f"{system}_2k.log_structured{suffix}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row["Content"] for row in rows], [row["EventId"] for row in rows]


def grouping_accuracy(predicted: list, truth: list) -> float:
    """Share of lines whose predicted group holds exactly the lines of their true group."""
    predicted_groups: dict = defaultdict(set)
    true_groups: dict = defaultdict(set)
    for index, (guess, actual) in enumerate(zip(predicted, truth, strict=True)):
        predicted_groups[guess].add(index)
        true_groups[actual].add(index)
    correct = sum(
        1
        for guess, actual in zip(predicted, truth, strict=True)
        if predicted_groups[guess] == true_groups[actual]
    )
    return correct / len(truth)


def _stacklens() -> Callable[[str], str]:
    # A fresh run starts cold, as a fresh process would: no token remembered from the last.
    clear_caches()
    return LineGrouper().group_of


def _drain3() -> Callable[[str], int]:
    from drain3 import TemplateMiner
    from drain3.template_miner_config import TemplateMinerConfig

    # Default settings; the explicit empty config only skips the "drain3.ini not found" print.
    miner = TemplateMiner(config=TemplateMinerConfig())
    return lambda line: miner.add_log_message(line)["cluster_id"]


def _timed(make: Callable[[], Callable[[str], object]], lines: list[str]) -> tuple[list, float]:
    best, predicted = float("inf"), []
    for _ in range(RUNS):
        group_of = make()
        started = time.process_time()
        predicted = [group_of(line) for line in lines]
        best = min(best, time.process_time() - started)
    return predicted, best


def run() -> dict:
    if not LOGHUB.is_dir():
        return {"grouping": {"skipped": f"no loghub data at {LOGHUB}"}}
    try:
        import drain3  # noqa: F401 - a bench-only extra
    except ImportError:
        parsers = {"stacklens": _stacklens}
    else:
        parsers = {"stacklens": _stacklens, "drain3": _drain3}
    systems: dict = {}
    totals = {name: {"lines": 0, "seconds": 0.0} for name in parsers}
    for system in SYSTEMS:
        lines, truth = read_system(system)
        _, original_truth = read_system(system, corrected=False)
        systems[system] = {}
        for name, make in parsers.items():
            predicted, seconds = _timed(make, lines)
            totals[name]["lines"] += len(lines)
            totals[name]["seconds"] += seconds
            systems[system][name] = {
                "ga": round(grouping_accuracy(predicted, truth), 3),
                "ga_original_templates": round(grouping_accuracy(predicted, original_truth), 3),
                "groups": len(set(predicted)),
                "lines_per_s": round(len(lines) / seconds),
            }
    summary = {
        name: {
            "average_ga": round(
                sum(systems[system][name]["ga"] for system in SYSTEMS) / len(SYSTEMS), 3
            ),
            "lines_per_s": round(totals[name]["lines"] / totals[name]["seconds"]),
        }
        for name in parsers
    }
    if "drain3" in parsers:
        summary["stacklens"]["systems_below_drain3"] = [
            system
            for system in SYSTEMS
            if systems[system]["stacklens"]["ga"] < systems[system]["drain3"]["ga"]
        ]
        summary["stacklens"]["speed_vs_drain3"] = round(
            summary["stacklens"]["lines_per_s"] / summary["drain3"]["lines_per_s"], 2
        )
    return {"grouping": {"summary": summary, "systems": systems}}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
