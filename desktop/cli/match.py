"""`factdesk match ARTICLE_FILE --source RELEASE_FILE`: the article's figures against its release.

    factdesk match ARTICLE_FILE --source RELEASE_FILE [--format jsonl|table] [--language zh|en]
    factdesk match --db PATH [--article ID]...   stored articles with a release (desktop.cli.release)

One line per figure of the article: `match` is same, rounded, different or
absent; `source` the release figure it was matched to (null when absent);
`message` the explanation in the chosen language.  Offsets index each
file's decoded text as `factdesk detect` reports them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from desktop.checks.release import ReleaseMatch, match_release
from desktop.checks.release.document import PlacedDocument, placed
from desktop.checks.release.messages import render
from desktop.cli.files import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, readable_files
from desktop.cli.release import add_stored_match_options, cmd_match_db, wants_database
from desktop.cli.table import write_table

_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_TABLE_HEADER = ["原文", "比对", "来源稿", "说明"]
_TABLE_WIDTHS = (16, 8, 16, 60)
_LABEL_ZH = {"same": "一致", "rounded": "取整", "different": "不一致", "absent": "未见"}


def add_match_command(commands: Any) -> None:
    """Register `match` on the `factdesk` sub-command parser."""
    match = commands.add_parser("match", help="match an article's figures to the release it was written from")
    # Optional only so that `match --db` (desktop.cli.release) needs no files; cmd_match asks for both.
    match.add_argument("article", metavar="ARTICLE_FILE", nargs="?")
    match.add_argument("--source", metavar="RELEASE_FILE", help="the release (source document)")
    match.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    match.add_argument("--language", choices=("zh", "en"), default="zh", help="language of the messages")
    add_stored_match_options(match)
    match.set_defaults(func=cmd_match)


def match_record(
    article_file: str,
    article: PlacedDocument,
    release_file: str,
    release: PlacedDocument,
    m: ReleaseMatch,
    language: str,
) -> dict[str, object]:
    """One figure's match as the JSON object `factdesk match` prints."""
    figure = m.figure
    source: dict[str, object] | None = None
    if m.source is not None:
        source = {
            "file": release_file,
            "text": m.source.text,
            "source_start": release.file_offset(m.source.start),
            "source_end": release.file_offset(m.source.end),
        }
    return {
        "file": article_file,
        "text": figure.text,
        "source_start": article.file_offset(figure.start),
        "source_end": article.file_offset(figure.end),
        "value": str(figure.value),
        "unit": figure.unit,
        "match": m.match,
        "source": source,
        "message": render(m.message, language),
        "code": m.message.code,
        "claim": figure.claim.id if figure.claim is not None else None,
    }


def cmd_match(args: argparse.Namespace) -> int:
    if wants_database(args):
        return cmd_match_db(args)
    if args.article is None or args.source is None:
        print("factdesk: match: give ARTICLE_FILE --source RELEASE_FILE (or --db PATH)", file=sys.stderr)
        return EXIT_USAGE
    documents = dict(readable_files([args.article, args.source]))
    if args.article not in documents or args.source not in documents:
        return EXIT_REFUSED
    article, release = placed(documents[args.article]), placed(documents[args.source])
    matches = match_release(article.text, article.claims, release.text, release.claims)
    out = sys.stdout
    if args.format == "table":
        write_table([_TABLE_HEADER], _TABLE_WIDTHS, out)
    for m in matches:
        if args.format == "jsonl":
            record = match_record(args.article, article, args.source, release, m, args.language)
            out.write(_json_line(record) + "\n")
        else:
            label = _LABEL_ZH[m.match] if args.language == "zh" else m.match
            source = m.source.text if m.source is not None else ""
            write_table(
                [[m.figure.text, label, source, render(m.message, args.language)]], _TABLE_WIDTHS, out
            )
    out.flush()
    if args.format == "table":
        confirmed = sum(m.confirms for m in matches)
        print(f"{len(matches)} figures, {confirmed} backed by the release", file=sys.stderr)
    return EXIT_OK


def _json_line(record: dict[str, object]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)
