"""`stacklens ship` / `python -m shipper`: run the edge shipper from the command line."""

import signal
import threading

from shipper.config import build_parser, config_from_args, configure_logging
from shipper.loop import Shipper


def main(argv: list[str] | None = None) -> int:
    """Parse `argv` (the arguments after `ship`), then ship until SIGTERM/SIGINT, or until
    caught up with `--once`. Returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.log_level)
    shipper = Shipper(config_from_args(args, parser))
    if threading.current_thread() is threading.main_thread():
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signal_number, lambda _number, _frame: shipper.stop())
    shipper.run(once=args.once)
    return 0
