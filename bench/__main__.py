"""`make bench`: every benchmark, one JSON object on stdout, with the machine it ran on."""

import json
import os
import platform

from bench import cost, e2e_latency, grouping, ingest, scoring, shipper


def machine() -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def main() -> None:
    results = {"machine": machine()}
    results.update(grouping.run())
    results.update(ingest.run())
    results.update(e2e_latency.run())
    results.update(shipper.run())
    results.update(scoring.run())
    # Last: it makes moto back up only the items a transaction touches (see local_runner).
    results.update(cost.run())
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
