"""`python -m lambda_bundle IngestFunction DIR`: what `sam build` runs for each function."""

import argparse
from pathlib import Path

from lambda_bundle.bundle import build, size_bytes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lambda_bundle", description=__doc__)
    parser.add_argument("function", help="logical id in template.yaml, e.g. IngestFunction")
    parser.add_argument("destination", type=Path, help="the function's artifacts folder")
    parser.add_argument(
        "--code-only", action="store_true", help="skip the requirements (no download)"
    )
    args = parser.parse_args(argv)
    copied = build(args.function, args.destination, with_requirements=not args.code_only)
    megabytes = size_bytes(args.destination) / 1e6
    print(f"{args.function}: {len(copied)} files of this repository, {megabytes:.0f} MB unpacked")


if __name__ == "__main__":
    main()
