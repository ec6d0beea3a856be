"""The `stacklens` command."""
def main() -> None:
    raise SystemExit("not yet")
