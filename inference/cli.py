"""The `claimtag` command: a thin layer over the Python API.

Each package registers its own subcommands; heavy libraries are imported only by the
command that needs them, so `claimtag --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys

from model.errors import ClaimtagError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    from training.cli import add_commands as add_data_commands
    from training.cli import add_train_commands

    parser = argparse.ArgumentParser(
        prog="claimtag",
        description="Label every sentence of a news article as claim, quote, statistic or context.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_train_commands(sub)
    add_data_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; user errors print one line and exit 2."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ClaimtagError as err:
        print(f"claimtag: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimtag: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
