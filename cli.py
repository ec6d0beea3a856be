"""The `stacklens` command: one entry point, a subcommand per job. Each subcommand imports
only what it needs, so `stacklens ship` stays as thin as the shipper."""

import sys

USAGE = """usage: stacklens <command> [options]

commands:
  local     run the whole stack on this machine (add --with-demo for the demo POS + shipper)
  ship      tail log files and ship them to StackLens (runs on POS hosts)
  demo-pos  run the demo POS app
  group     print one group id per log line of FILE or stdin, as ingest would group them
  train     rebuild the confidence model artifact (add --with-feedback FILE)
  evaluate  measure the confidence model (--json): grouped CV and Loghub vs a keyword baseline
  score     print severity and confidence as JSON, one line per log line of FILE or stdin
  replay    run a log through parse, group, score and decide without Jira; print what would happen
"""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "local":
        from local_runner.main import main as run
    elif command == "ship":
        from shipper.main import main as run
    elif command == "demo-pos":
        from demo_pos.__main__ import main as run
    elif command == "group":
        from functions.ingest.group_cli import main as run
    elif command in ("train", "evaluate"):
        from functions.decide.blas import pin_kernels

        pin_kernels()  # before numpy loads: the same model from the corpus on any x86 machine
        if command == "train":
            from functions.decide.train_command import main as run
        else:
            from functions.decide.evaluate_command import main as run
    elif command == "score":
        from functions.decide.score_command import main as run
    elif command == "replay":
        from functions.decide.replay_command import main as run
    else:
        print(f"stacklens: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
        return 2
    return run(rest) or 0


if __name__ == "__main__":
    raise SystemExit(main())
