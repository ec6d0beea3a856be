"""The shipper's settings and the `stacklens ship` command line that sets them."""

import argparse
import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from shipper.heartbeat import HEARTBEAT_INTERVAL_SECONDS
from shipper.multiline import DEFAULT_EVENT_START, MAX_HOLD_SECONDS, QUIET_SECONDS
from shipper.retry import BACKOFF_BASE_SECONDS, BACKOFF_CAP_SECONDS
from shipper.sender import LINGER_SECONDS, REQUEST_TIMEOUT_SECONDS
from shipper.spool import DEFAULT_SPOOL_BYTES

RESCAN_INTERVAL_SECONDS = 2.0


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
    # The durable spool between reading and sending; its oldest events go when it is full.
    spool_max_bytes: int = DEFAULT_SPOOL_BYTES
    # While ingest answers, read at most this far ahead of it (the files are the buffer).
    read_ahead_bytes: int = 16 << 20
    # A file renamed to a name no pattern matches is read until it has been idle this long.
    close_renamed_after: float = 60.0
    # A file with nothing new for this long has its handle closed until it changes.
    close_idle_after: float = 60.0
    # Files found at the very first start are shipped from their end, not their beginning.
    from_end: bool = False
    # On SIGTERM, keep delivering what is spooled for at most this long while ingest answers.
    shutdown_grace: float = 5.0
    # How long one POST to ingest may take before it counts as failed.
    request_timeout: float = REQUEST_TIMEOUT_SECONDS
    # Offsets reach the disk at most this often (a crash costs re-sending, never losing).
    checkpoint_interval: float = 0.2


# Settings a config file may hold: the long flags, with dashes or underscores.
FILE_KEYS = {
    "watch": list,
    "endpoint": str,
    "host_id": str,
    "store_id": str,
    "key_file": str,
    "state_dir": str,
    "from_end": bool,
    "multiline_start": str,
    "multiline_quiet": float,
    "linger": float,
    "heartbeat_interval": float,
    "rescan_interval": float,
    "spool_max_bytes": int,
    "backoff_cap": float,
    "log_level": str,
}
REQUIRED = ("watch", "endpoint", "host_id", "store_id", "key_file", "state_dir")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stacklens ship",
        description="Tail POS log files and ship their events to StackLens ingest.",
        epilog="Every long flag may also be a key of the --config file; flags win.",
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="a TOML file with the same keys as the flags"
    )
    parser.add_argument(
        "--watch", action="append", metavar="GLOB", help="log files to ship (repeat for more)"
    )
    parser.add_argument("--endpoint", help="API base URL, e.g. http://host:3000")
    parser.add_argument("--host-id")
    parser.add_argument("--store-id")
    parser.add_argument("--key-file", type=Path, help="file holding the host key (one line)")
    parser.add_argument(
        "--state-dir", type=Path, help="where checkpoints, the spool and dead letters live"
    )
    parser.add_argument(
        "--once", action="store_true", help="ship what the files hold now, wait for acks, exit"
    )
    parser.add_argument(
        "--status",
        action="store_true",
        help="print what the shipper using --state-dir has done (offsets, spool, counts), exit",
    )
    parser.add_argument(
        "--from-end",
        action="store_true",
        default=None,
        help="at the very first start, ship only what is written from now on",
    )
    parser.add_argument(
        "--multiline-start",
        metavar="REGEX",
        help="a line matching this (at its start) begins a new event (default: a timestamp)",
    )
    parser.add_argument(
        "--multiline-quiet",
        type=float,
        metavar="SECONDS",
        help="release the last event once its file has been quiet this long",
    )
    parser.add_argument(
        "--linger",
        type=float,
        metavar="SECONDS",
        help="how long a batch without errors waits for more lines (default 1; 0 sends at once)",
    )
    parser.add_argument("--heartbeat-interval", type=float, metavar="SECONDS")
    parser.add_argument("--rescan-interval", type=float, metavar="SECONDS")
    parser.add_argument(
        "--spool-max-bytes", type=int, metavar="BYTES", help="disk spool bound (default 256 MiB)"
    )
    parser.add_argument(
        "--backoff-cap",
        type=float,
        metavar="SECONDS",
        help="longest wait between retries of ingest (default 30)",
    )
    parser.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING"])
    return parser


def read_config_file(path: Path, parser: argparse.ArgumentParser) -> dict:
    """The settings of a TOML file, by flag name with underscores; a problem exits with 2."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        parser.error(f"--config {path}: {error}")
    settings = {}
    for raw_key, value in document.items():
        key = raw_key.replace("-", "_")
        kind = FILE_KEYS.get(key)
        if kind is None:
            parser.error(f"--config {path}: unknown key {raw_key!r}")
        if key == "watch" and isinstance(value, str):
            value = [value]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            parser.error(f"--config {path}: {raw_key} must be a {kind.__name__}")
        if key == "watch" and not all(isinstance(item, str) for item in value):
            parser.error(f"--config {path}: watch must be a list of globs")
        if key in ("key_file", "state_dir"):
            value = Path(value)
        settings[key] = value
    return settings


def merge_settings(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dict:
    """Flags over the config file over the defaults."""
    settings = read_config_file(args.config, parser) if args.config else {}
    for key in FILE_KEYS:
        value = getattr(args, key, None)
        if value is not None:
            settings[key] = value
    return settings


def config_from_args(args: argparse.Namespace, parser: argparse.ArgumentParser) -> ShipperConfig:
    """Checks what the parser cannot (URL, key file, regex); a problem exits with status 2."""
    settings = merge_settings(args, parser)
    missing = [key for key in REQUIRED if not settings.get(key)]
    if missing:
        names = ", ".join("--" + key.replace("_", "-") for key in missing)
        parser.error(f"missing {names} (as flags or in the --config file)")
    endpoint = settings["endpoint"].rstrip("/")
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        parser.error(f"--endpoint must be an http(s) URL, got {settings['endpoint']!r}")
    key_file = settings["key_file"]
    try:
        key = key_file.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"--key-file {key_file}: {error}")
    if not key or "\n" in key:
        parser.error(f"--key-file {key_file} must hold the host key as one line of text")
    event_start = settings.get("multiline_start", DEFAULT_EVENT_START)
    try:
        re.compile(event_start)
    except re.error as error:
        parser.error(f"--multiline-start is not a valid regular expression: {error}")
    positive = ("multiline_quiet", "heartbeat_interval", "rescan_interval", "spool_max_bytes")
    for name in (*positive, "backoff_cap"):
        if name in settings and settings[name] <= 0:
            parser.error(f"--{name.replace('_', '-')} must be above 0")
    if settings.get("linger", 0) < 0:
        parser.error("--linger must be 0 or more")
    for name in ("host_id", "store_id"):
        if not settings[name].strip():
            parser.error(f"--{name.replace('_', '-')} must not be empty")
    return ShipperConfig(
        watch=tuple(settings["watch"]),
        endpoint=endpoint,
        host_id=settings["host_id"],
        store_id=settings["store_id"],
        key=key,
        state_dir=Path(settings["state_dir"]),
        event_start=event_start,
        rescan_interval=settings.get("rescan_interval", RESCAN_INTERVAL_SECONDS),
        heartbeat_interval=settings.get("heartbeat_interval", HEARTBEAT_INTERVAL_SECONDS),
        multiline_quiet=settings.get("multiline_quiet", QUIET_SECONDS),
        linger=settings.get("linger", LINGER_SECONDS),
        spool_max_bytes=settings.get("spool_max_bytes", DEFAULT_SPOOL_BYTES),
        from_end=bool(settings.get("from_end", False)),
        backoff_cap=settings.get("backoff_cap", BACKOFF_CAP_SECONDS),
    )


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
