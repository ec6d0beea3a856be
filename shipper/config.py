"""The shipper's settings and the `stacklens ship` command line that sets them."""

import argparse
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from shipper.heartbeat import HEARTBEAT_INTERVAL_SECONDS
from shipper.multiline import DEFAULT_EVENT_START, MAX_HOLD_SECONDS, QUIET_SECONDS
from shipper.retry import BACKOFF_BASE_SECONDS, BACKOFF_CAP_SECONDS
from shipper.sender import LINGER_SECONDS

RESCAN_INTERVAL_SECONDS = 1.0


@dataclass(frozen=True)
class ShipperConfig:
    watch: tuple[str, ...]  # glob patterns of the log files
    endpoint: str  # API base URL, e.g. http://127.0.0.1:3000
    host_id: str
    store_id: str
    key: str  # the host key that signs every request
    state_dir: Path  # checkpoints and dead letters
    event_start: str = DEFAULT_EVENT_START
    rescan_interval: float = RESCAN_INTERVAL_SECONDS
    heartbeat_interval: float = HEARTBEAT_INTERVAL_SECONDS
    linger: float = LINGER_SECONDS
    multiline_quiet: float = QUIET_SECONDS
    multiline_max_hold: float = MAX_HOLD_SECONDS
    backoff_base: float = BACKOFF_BASE_SECONDS
    backoff_cap: float = BACKOFF_CAP_SECONDS
    # Read no further while this much is sent but not acknowledged: the files are the buffer.
    max_in_flight_bytes: int = 8 << 20
    # A file renamed to a name no pattern matches is read until it has been idle this long.
    close_renamed_after: float = 60.0
    # Offsets reach the disk at most this often (a crash costs re-sending, never losing).
    checkpoint_interval: float = 0.2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stacklens ship",
        description="Tail POS log files and ship their events to StackLens ingest.",
    )
    parser.add_argument(
        "--watch",
        action="append",
        required=True,
        metavar="GLOB",
        help="log files to ship (a glob; repeat for more)",
    )
    parser.add_argument("--endpoint", required=True, help="API base URL, e.g. http://host:3000")
    parser.add_argument("--host-id", required=True)
    parser.add_argument("--store-id", required=True)
    parser.add_argument(
        "--key-file", required=True, type=Path, help="file holding the host key (one line)"
    )
    parser.add_argument(
        "--state-dir", required=True, type=Path, help="where checkpoints and dead letters live"
    )
    parser.add_argument(
        "--once", action="store_true", help="ship what the files hold now, wait for acks, exit"
    )
    parser.add_argument(
        "--multiline-start",
        default=DEFAULT_EVENT_START,
        metavar="REGEX",
        help="a line matching this (at its start) begins a new event (default: a timestamp)",
    )
    parser.add_argument(
        "--multiline-quiet",
        type=float,
        default=QUIET_SECONDS,
        metavar="SECONDS",
        help="release the last event once its file has been quiet this long",
    )
    parser.add_argument(
        "--heartbeat-interval", type=float, default=HEARTBEAT_INTERVAL_SECONDS, metavar="SECONDS"
    )
    parser.add_argument(
        "--rescan-interval", type=float, default=RESCAN_INTERVAL_SECONDS, metavar="SECONDS"
    )
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING"])
    return parser


def config_from_args(args: argparse.Namespace, parser: argparse.ArgumentParser) -> ShipperConfig:
    """Checks what the parser cannot (URL, key file, regex); a problem exits with status 2."""
    endpoint = args.endpoint.rstrip("/")
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        parser.error(f"--endpoint must be an http(s) URL, got {args.endpoint!r}")
    try:
        key = args.key_file.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"--key-file {args.key_file}: {error}")
    if not key or "\n" in key:
        parser.error(f"--key-file {args.key_file} must hold the host key as one line of text")
    try:
        re.compile(args.multiline_start)
    except re.error as error:
        parser.error(f"--multiline-start is not a valid regular expression: {error}")
    for name in ("multiline_quiet", "heartbeat_interval", "rescan_interval"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name.replace('_', '-')} must be above 0")
    for name in ("host_id", "store_id"):
        if not getattr(args, name).strip():
            parser.error(f"--{name.replace('_', '-')} must not be empty")
    return ShipperConfig(
        watch=tuple(args.watch),
        endpoint=endpoint,
        host_id=args.host_id,
        store_id=args.store_id,
        key=key,
        state_dir=args.state_dir,
        event_start=args.multiline_start,
        rescan_interval=args.rescan_interval,
        heartbeat_interval=args.heartbeat_interval,
        multiline_quiet=args.multiline_quiet,
    )


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
