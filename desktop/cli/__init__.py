"""The `factdesk` command line.

    factdesk detect FILE... [--format jsonl|table]
    factdesk articles FILE...
    factdesk                 (no command: summary of the bundled demo pages)

The command line never imports Qt, so it runs on a server with no display.
Exit codes: 0 success, 1 refused input (reason on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.files import EXIT_OK, EXIT_USAGE, cmd_articles_in_files, cmd_detect, cmd_summary


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdesk", description="FactDesk（核数台）: check the numbers in news copy."
    )
    parser.add_argument("--version", action="version", version=f"factdesk {__version__}")
    commands = parser.add_subparsers(dest="command")

    detect = commands.add_parser("detect", help="print the numeric claims found in files")
    detect.add_argument("files", nargs="+", metavar="FILE")
    detect.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    detect.set_defaults(func=cmd_detect)

    articles = commands.add_parser("articles", help="list the articles found in files")
    articles.add_argument("files", nargs="+", metavar="FILE")
    articles.set_defaults(func=cmd_articles_in_files)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    func = getattr(args, "func", cmd_summary)
    try:
        return int(func(args))
    except BrokenPipeError:  # `factdesk detect … | head` is fine
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
