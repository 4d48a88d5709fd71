"""The `factdesk` command line.

    factdesk detect FILE... [--format jsonl|table]       claims in files, no database
    factdesk check FILE... [--format jsonl|table]        detection plus every check (desktop/checks)
    factdesk articles [FILE...] [--db PATH] [--status pending|done]
    factdesk import FILE... | claims | decide | history | search | redetect
    factdesk export OUT.xlsx | import-decisions EDITED.xlsx
    factdesk match ARTICLE_FILE --source RELEASE_FILE | match --db PATH [--article ID]...
    factdesk attach-source ARTICLE_ID FILE | confirm-matching ARTICLE_ID   (desktop/cli/release.py)
    factdesk memory --article ID [--db PATH]   a stored article's figures stated elsewhere (desktop/cli/memory.py)
    factdesk [gui] [--db PATH]  the review window (the only command that loads Qt)
    factdesk summary            what the pipeline makes of the bundled demo pages
    factdesk --self-test        check the installation (offscreen); prints "self-test ok"

The command line never imports Qt, so it runs on a server with no display.
Exit codes: 0 success, 1 refused input (reason on stderr), 2 usage; and as a
command killed by the signal would: 141 when the reader of its output went
away (`factdesk claims | head -1`), 130 on Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.check import add_check_command
from desktop.cli.files import EXIT_REFUSED, EXIT_USAGE, cmd_articles_in_files, cmd_detect, cmd_summary
from desktop.cli.match import add_match_command
from desktop.cli.memory import add_memory_command
from desktop.cli.release import add_release_commands
from desktop.cli.review import add_review_commands, cmd_articles_in_db, database_path, run_review_command

EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE
EXIT_INTERRUPTED = 128 + 2  # SIGINT

# argparse takes "-3.2%" for an option (it lets only plain "-3" or "-3.2"
# through as values); a corrected value may well be negative.
_NEGATIVE_VALUE = re.compile(r"-[\d.．０-９〇零一二两三四五六七八九十百千万亿]")
# Arguments that are paths: any bytes are fine there.  Every other argument
# is text that is stored or searched, so it must be real text.
_PATH_ARGUMENTS = frozenset({"files", "db", "out", "workbook", "release"})
_POSITIONALS = frozenset({"claim_id", "action", "value", "text"})
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")


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
    add_check_command(commands)
    add_match_command(commands)
    add_release_commands(commands)
    add_memory_command(commands)

    articles = commands.add_parser("articles", help="list the articles in files, or in the review database")
    articles.add_argument("files", nargs="*", metavar="FILE")
    articles.add_argument(
        "--db", metavar="PATH", type=database_path, help="review database (default: the per-user database)"
    )
    articles.add_argument("--status", choices=("pending", "done"))
    articles.set_defaults(func=cmd_articles)

    add_review_commands(commands)

    summary = commands.add_parser("summary", help="what the pipeline makes of the bundled demo pages")
    summary.set_defaults(func=cmd_summary)

    gui = commands.add_parser("gui", help="open the review window (the default)")
    gui.add_argument(
        "--db",
        metavar="PATH",
        type=database_path,
        help="review database (default: the last one, else the per-user one)",
    )
    gui.set_defaults(func=cmd_gui)
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    # Imported here: every other command runs without Qt.
    from pathlib import Path

    from desktop import system_check

    # Qt's own message for a missing X11 library blames the wrong one; say
    # which package is missing instead.  The frozen app carries the libraries
    # it was built with, which the system loader would not find.
    if not getattr(sys, "frozen", False) and system_check.main() != 0:
        return EXIT_REFUSED
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
        args = parse_arguments(parser, args_given)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    not_text = _first_argument_not_text(args)
    if not_text is not None:
        print(f"factdesk: {not_text}: not valid UTF-8 text (check the terminal's encoding)", file=sys.stderr)
        return EXIT_USAGE
    func = getattr(args, "func", cmd_gui)
    try:
        if func in (cmd_detect, cmd_articles, cmd_summary, cmd_gui):
            return int(func(args))
        return run_review_command(func, args)
    except BrokenPipeError:
        # The reader went away (`factdesk claims | head -1`): nothing more
        # can be said to it.  Output still buffered would fail again as the
        # interpreter flushes it on exit, with a traceback-like message, so
        # it goes to the null device instead.
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def parse_arguments(parser: argparse.ArgumentParser, args_given: list[str]) -> argparse.Namespace:
    """parse_args, except that `decide ID correct -3.2%` takes -3.2% as the value."""
    args, unknown = parser.parse_known_args(args_given)
    if (
        unknown
        and getattr(args, "command", None) == "decide"
        and args.value is None
        and len(unknown) == 1
        and _NEGATIVE_VALUE.match(unknown[0])
    ):
        args.value = unknown[0]
    elif unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _first_argument_not_text(args: argparse.Namespace) -> str | None:
    """The option (or argument) whose value came from bytes that are not UTF-8, if any.

    Python hands such bytes over as lone surrogates (surrogateescape), which
    SQLite and every text file refuse; better to say so than to fail there.
    """
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and _LONE_SURROGATE.search(item):
                return f"--{name.replace('_', '-')}" if name not in _POSITIONALS else name.upper()
    return None


def _discard_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout already closed or not a real file
        pass


if __name__ == "__main__":
    sys.exit(main())
