"""The `factdesk` command line.

    factdesk detect FILE... [--format jsonl|table]       claims in files, no database
    factdesk articles [FILE...] [--db PATH] [--status pending|done]
    factdesk import FILE... | claims | decide | history | search | redetect
    factdesk export OUT.xlsx | import-decisions EDITED.xlsx
    factdesk [gui] [--db PATH]  the review window (the only command that loads Qt)
    factdesk summary            what the pipeline makes of the bundled demo pages
    factdesk --self-test        check the installation (offscreen); prints "self-test ok"

The command line never imports Qt, so it runs on a server with no display.
Exit codes: 0 success, 1 refused input (reason on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.files import EXIT_OK, EXIT_USAGE, cmd_articles_in_files, cmd_detect, cmd_summary
from desktop.cli.review import add_review_commands, cmd_articles_in_db, run_review_command


def cmd_articles(args: argparse.Namespace) -> int:
    """`articles FILE...` reads files; plain `articles` lists the database."""
    if args.files:
        return cmd_articles_in_files(args)
    return run_review_command(cmd_articles_in_db, args)


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

    articles = commands.add_parser("articles", help="list the articles in files, or in the review database")
    articles.add_argument("files", nargs="*", metavar="FILE")
    articles.add_argument("--db", metavar="PATH", help="review database (default: the per-user database)")
    articles.add_argument("--status", choices=("pending", "done"))
    articles.set_defaults(func=cmd_articles)

    add_review_commands(commands)

    summary = commands.add_parser("summary", help="what the pipeline makes of the bundled demo pages")
    summary.set_defaults(func=cmd_summary)

    gui = commands.add_parser("gui", help="open the review window (the default)")
    gui.add_argument(
        "--db", metavar="PATH", help="review database (default: the last one, else the per-user one)"
    )
    gui.set_defaults(func=cmd_gui)
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    # Imported here: every other command runs without Qt.
    from pathlib import Path

    from desktop.ui.app import run

    return run(database=Path(args.db) if getattr(args, "db", None) else None)


def main(argv: Sequence[str] | None = None) -> int:
    args_given = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args_given:
        # Before argparse: the frozen app is started with no command, and the
        # self-test (desktop/selftest.py) takes its own options.
        from desktop import selftest

        return selftest.main(args_given)
    parser = build_parser()
    try:
        args = parser.parse_args(args_given)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    func = getattr(args, "func", cmd_gui)
    try:
        if func in (cmd_detect, cmd_articles, cmd_summary, cmd_gui):
            return int(func(args))
        return run_review_command(func, args)
    except BrokenPipeError:  # `factdesk detect … | head` is fine
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
