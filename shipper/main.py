"""`stacklens ship` / `python -m shipper`: run the edge shipper from the command line."""

import signal
import threading

from shipper.config import build_parser, config_from_args, configure_logging, merge_settings
from shipper.loop import Shipper
from shipper.status import format_status, status_report


def main(argv: list[str] | None = None) -> int:
    """Parse `argv` (the arguments after `ship`), then ship until SIGTERM/SIGINT, or until
    caught up with `--once`; `--status` prints the state dir's report. Returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.status:
        state_dir = merge_settings(args, parser).get("state_dir")
        if state_dir is None:
            parser.error("--status needs --state-dir (as a flag or in the --config file)")
        print(format_status(status_report(state_dir)))
        return 0
    config = config_from_args(args, parser)
    configure_logging(merge_settings(args, parser).get("log_level", "INFO"))
    shipper = Shipper(config)
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (systemd stop, the Windows service wrapper) flushes and checkpoints.
        # SIGBREAK: what a Windows service wrapper sends as Ctrl+Break.
        stops = [signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGBREAK", None)]
        for signal_number in filter(None, stops):
            signal.signal(signal_number, lambda _number, _frame: shipper.stop())
    shipper.run(once=args.once)
    return 0
