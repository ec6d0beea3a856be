"""`python -m demo_pos`: run the demo POS, or send it steady traffic (--traffic)."""

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from werkzeug.serving import make_server

from demo_pos.app import create_app
from demo_pos.traffic import DEFAULT_TARGET, TrafficResult, run_traffic
from demo_pos.webhook import WebhookConfig


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m demo_pos",
        description="A demo point-of-sale backend that fails in realistic ways.",
    )
    parser.add_argument("--traffic", action="store_true", help="send traffic to a running POS")
    server = parser.add_argument_group("serving the POS")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=3001)
    server.add_argument("--log", type=Path, help="log file the POS writes (required to serve)")
    server.add_argument("--store-id", default="S001")
    server.add_argument("--terminal", default="T01")
    server.add_argument(
        "--no-random-failures",
        action="store_true",
        help="outside systems fail only when /simulate forces it (requests can still fail)",
    )
    server.add_argument("--webhook-url", help="StackLens base URL to report failures to")
    server.add_argument("--host-id", help="host id the webhook signs as")
    server.add_argument("--key-file", type=Path, help="file holding the host key (one line)")
    traffic = parser.add_argument_group("sending traffic (--traffic)")
    traffic.add_argument("--target", default=DEFAULT_TARGET)
    traffic.add_argument("--rate", type=float, default=2.0, help="requests per second")
    traffic.add_argument("--duration", type=float, help="seconds to run (default: until Ctrl-C)")
    traffic.add_argument("--count", type=int, help="stop after this many requests")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.traffic:
        return _send_traffic(parser, args)
    return _serve(parser, args)


def _serve(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.log is None:
        parser.error("--log PATH is required to run the POS")
    webhook = None
    webhook_args = (args.webhook_url, args.host_id, args.key_file)
    if any(webhook_args):
        if not all(webhook_args):
            parser.error("--webhook-url, --host-id and --key-file go together")
        try:
            webhook = WebhookConfig.from_key_file(args.webhook_url, args.host_id, args.key_file)
        except (OSError, ValueError) as error:
            parser.error(f"--key-file: {error}")
    try:
        rates = {} if args.no_random_failures else None
        app = create_app(args.log, args.store_id, args.terminal, webhook, failure_rates=rates)
    except ValueError as error:
        parser.error(str(error))
    server = make_server(args.host, args.port, app, threaded=True)
    print(
        f"Demo POS (store {args.store_id}, terminal {args.terminal}) on "
        f"http://{args.host}:{server.port}, logging to {args.log}",
        flush=True,
    )
    _stop_on_sigterm()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.extensions["demo_pos"].close()
    return 0


def _stop_on_sigterm() -> None:
    """A supervisor's SIGTERM stops the POS like Ctrl-C, so queued webhook events still go out."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def _send_traffic(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.rate <= 0:
        parser.error("--rate must be above 0")
    if args.count is not None and args.count < 1:
        parser.error("--count must be at least 1")

    def show(result: TrafficResult) -> None:
        status = result.status or "no answer"
        planned = result.request
        print(f"{status} {planned.method} {planned.path} ({planned.label})", flush=True)

    print(f"Sending {args.rate:g} requests/s to {args.target} (Ctrl-C to stop)", flush=True)
    outcomes = None
    try:
        outcomes = run_traffic(
            args.target, rate=args.rate, duration=args.duration, count=args.count, on_result=show
        )
    except KeyboardInterrupt:
        pass
    if outcomes:
        print("Summary:", ", ".join(f"{key}: {n}" for key, n in sorted(outcomes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
