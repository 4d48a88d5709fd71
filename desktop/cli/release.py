"""Source releases on the review database: attach one, match stored articles, confirm every same figure.

    factdesk attach-source ARTICLE_ID FILE [--db PATH] [--editor NAME]
    factdesk match --db PATH [--article ID]... [--format jsonl|table] [--language zh|en]
    factdesk confirm-matching ARTICLE_ID [--db PATH] [--editor NAME]

`attach-source` imports FILE unless its content is in the database already,
attaches it to the article as the release it was written from, and prints
how the article's figures match it.  `match --db` prints, for stored
articles with a release (`--article` for some of them), the records
`factdesk match ARTICLE_FILE --source RELEASE_FILE` prints for files, with
the offsets in the files as they were imported (the store keeps their
decoded text), plus `article_id`.  `confirm-matching` confirms every pending
claim the release states the same, tagged with the release's file name, in
one step (desktop.store.releases).  They call the ReviewStore the window
uses; refusals exit 1 with the reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.checks.release import LABELS
from desktop.checks.release.messages import render
from desktop.cli.files import EXIT_OK, EXIT_REFUSED
from desktop.cli.review import database_path, editor_name, opened, record_id, refuse
from desktop.cli.table import write_table
from desktop.ingest.reader import display_path
from desktop.paths import default_database_path, seed_files
from desktop.store import ReviewStore
from desktop.store.records import SourceAttachment, StoredReleaseMatch
from desktop.store.releases import MATCH_LABELS_ZH

_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_TABLE_HEADER = ["文章", "原文", "比对", "来源稿", "说明"]
_TABLE_WIDTHS = (5, 16, 12, 16, 56)


def add_release_commands(commands: Any) -> None:
    """Register `attach-source` and `confirm-matching` on the `factdesk` sub-command parser."""
    attach = commands.add_parser(
        "attach-source", help="attach the release an article was written from (importing it if needed)"
    )
    attach.add_argument("article", type=record_id, metavar="ARTICLE_ID")
    attach.add_argument("release", metavar="FILE")
    _database_and_editor(attach)
    attach.set_defaults(func=cmd_attach_source)

    confirm = commands.add_parser(
        "confirm-matching", help="confirm every pending figure the article's release states the same"
    )
    confirm.add_argument("article", type=record_id, metavar="ARTICLE_ID")
    _database_and_editor(confirm)
    confirm.set_defaults(func=cmd_confirm_matching)


def add_stored_match_options(match: argparse.ArgumentParser) -> None:
    """`match --db PATH [--article ID]...`: the stored articles' matches (see cmd_match_db)."""
    match.add_argument(
        "--db", metavar="PATH", type=database_path, help="match stored articles with a release (no files)"
    )
    match.add_argument(
        "--article",
        dest="article_ids",
        action="append",
        default=[],
        type=record_id,
        metavar="ID",
        help="with --db: this article only (repeatable; default: every article with a release)",
    )


def wants_database(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "db", None) or getattr(args, "article_ids", None))


def _database_and_editor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", type=database_path, help="review database (default: the per-user database)"
    )
    parser.add_argument("--editor", help="who does it (default: $FACTDESK_EDITOR or the login name)")


def label_counts(matches: Sequence[StoredReleaseMatch]) -> str:
    """same 8, rounded 1, different 0, absent 14"""
    counts = Counter(m.match for m in matches)
    return ", ".join(f"{label} {counts[label]}" for label in LABELS)


def _attached(attachment: SourceAttachment) -> str:
    headline = f" ({attachment.headline})" if attachment.headline else ""
    return f"{display_path(Path(attachment.file_name))}{headline}, document {attachment.document_id}"


def cmd_attach_source(args: argparse.Namespace) -> int:
    with opened(args) as store:
        summary = store.article_summary(args.article)
        attachment, report = store.attach_source_file(
            args.article, Path(args.release), editor_name(args.editor)
        )
        matches = store.release_matches(args.article)
    if report.documents_added:
        print(f"imported {display_path(Path(args.release))}: {report.claims_added} claim(s)")
    else:
        print(f"already in the database: {display_path(Path(args.release))}")
    print(f"attached {_attached(attachment)} to article {summary.id} {summary.headline}")
    print(f"{len(matches)} figure(s): {label_counts(matches)}")
    return EXIT_OK


def cmd_confirm_matching(args: argparse.Namespace) -> int:
    with opened(args) as store:
        batch = store.confirm_matching(args.article, editor_name(args.editor))
        matches = store.release_matches(args.article)
    assert batch.release is not None  # refused (no-source) otherwise
    for change in batch.changes:
        print(f"confirmed {change.claim.id} {change.claim.text}")
    print(
        f"{len(batch.changes)} claim(s) confirmed from {display_path(Path(batch.release.file_name))},"
        f" tagged {batch.release.tag}"
    )
    left = [m for m in matches if m.match != "same" and m.claim_id]
    if left:
        print(f"left for the editor: {label_counts(left).replace('same 0, ', '')}")
    return EXIT_OK


def match_db_record(
    m: StoredReleaseMatch, article_file: str, release_file: str, language: str
) -> dict[str, object]:
    """One stored match as `factdesk match` prints a match of files, with `article_id`."""
    source: dict[str, object] | None = None
    if m.source is not None:
        source = {
            "file": release_file,
            "text": m.source.text,
            "source_start": m.source.source_start,
            "source_end": m.source.source_end,
        }
    return {
        "file": article_file,
        "text": m.text,
        "source_start": m.source_start,
        "source_end": m.source_end,
        "value": m.value,
        "unit": m.unit,
        "match": m.match,
        "source": source,
        "message": render(m.message, language),
        "code": m.message.code,
        "claim": m.claim_id or None,
        "article_id": m.article_id,
    }


def cmd_match_db(args: argparse.Namespace) -> int:
    """The matches of stored articles with a release (refusals become exit 1 in main)."""
    if getattr(args, "article", None) or getattr(args, "source", None):
        return refuse("match: give ARTICLE_FILE --source RELEASE_FILE, or --db/--article, not both")
    path = Path(args.db) if args.db else default_database_path()
    # As the other commands: only the per-user database starts with the demo pages.
    seed = None if args.db else lambda new: new.import_files(seed_files())
    out = sys.stdout
    matched = figures = 0
    with ReviewStore.open(path, on_create=seed, read_only=not ReviewStore.may_write(path)) as store:
        documents = {d.id: d for d in store.documents()}
        chosen: list[int] = list(dict.fromkeys(args.article_ids))
        if not chosen:
            chosen = [a.id for a in store.articles() if store.source_of(a.id) is not None]
        if args.format == "table":
            write_table([_TABLE_HEADER], _TABLE_WIDTHS, out)
        for article_id in chosen:
            summary = store.article_summary(article_id)  # UnknownArticle: exit 1
            attachment = store.source_of(article_id)
            if attachment is None:
                print(f"factdesk: article {article_id} has no source release attached", file=sys.stderr)
                continue
            matched += 1
            article_document = documents.get(summary.document_id)
            release_document = documents.get(attachment.document_id)
            article_file = article_document.path if article_document is not None else summary.file_name
            release_file = release_document.path if release_document is not None else attachment.path
            for m in store.release_matches(article_id):
                figures += 1
                if args.format == "jsonl":
                    out.write(
                        _json_line(match_db_record(m, article_file, release_file, args.language)) + "\n"
                    )
                else:
                    label = MATCH_LABELS_ZH[m.match] if args.language == "zh" else m.match
                    source = m.source.text if m.source is not None else ""
                    row = [str(article_id), m.text, label, source, render(m.message, args.language)]
                    write_table([row], _TABLE_WIDTHS, out)
            out.flush()
    if args.format == "table":
        print(f"{figures} figures in {matched} article(s) with a release", file=sys.stderr)
    return EXIT_OK if matched or not args.article_ids else EXIT_REFUSED


def _json_line(record: dict[str, object]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)
