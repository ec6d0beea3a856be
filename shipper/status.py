"""`stacklens ship --status --state-dir DIR`: what a shipper has done, read from its state dir.

Works whether the shipper runs or not: it reads only the checkpoint file and the spool.
"""

from pathlib import Path

from shipper.checkpoint import CheckpointStore
from shipper.loop import CHECKPOINT_FILE, SPOOL_DIRECTORY
from shipper.spool import spool_size


def status_report(state_dir: Path) -> dict:
    """Per-file acknowledged offsets, spool bytes, dropped and dead-lettered counts, last ack."""
    store = CheckpointStore(Path(state_dir) / CHECKPOINT_FILE)
    store.load()
    files = sorted(
        (
            {"path": record.path, "file_id": record.file_id, "offset": record.offset}
            for record in store.records.values()
        ),
        key=lambda item: item["path"],
    )
    return {
        "files": files,
        # Owed as of the last checkpoint; on disk (with delivered bytes not yet removed) now.
        "spool_bytes": store.totals.get("spool_bytes") or 0,
        "spool_disk_bytes": spool_size(Path(state_dir) / SPOOL_DIRECTORY),
        "events_dropped": store.totals.get("events_dropped") or 0,
        "events_dead_lettered": store.totals.get("events_dead_lettered") or 0,
        "last_acknowledged_at": store.totals.get("last_acknowledged_at"),
    }


def format_status(report: dict) -> str:
    lines = [f"{'offset':>14}  file id                           path"]
    lines += [
        f"{item['offset']:>14}  {item['file_id']}  {item['path']}" for item in report["files"]
    ]
    if not report["files"]:
        lines.append("  (no files shipped yet)")
    lines += [
        f"spool bytes:          {report['spool_bytes']} owed"
        f" ({report['spool_disk_bytes']} on disk)",
        f"events dropped:       {report['events_dropped']}",
        f"events dead-lettered: {report['events_dead_lettered']}",
        f"last acknowledgement: {report['last_acknowledged_at'] or 'never'}",
    ]
    return "\n".join(lines)
