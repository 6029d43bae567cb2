"""The command line (filled in by the spine work)."""


def main() -> None:
    raise SystemExit("newsprism: the command line is not built yet")
