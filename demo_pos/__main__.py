"""Entry point of `python -m demo_pos`; see demo_pos.cli."""

import sys

from demo_pos.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
