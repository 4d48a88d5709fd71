"""`factdesk check FILE...`: detection plus every check, one finding a line.

    factdesk check FILE... [--format jsonl|table] [--language zh|en]
    factdesk check [--db PATH] [--article ID]... [--format jsonl|table] [--language zh|en]

Each finding is a relation the article states (sum, change, share, average:
`holds` true, false, or null when a figure is never given), a breach of a
number-usage rule (`check` "usage", `holds` false, with `rule` and `fix`), or
the same metric stated twice (`check` "repeat": `holds` true when the figures
agree, false for a conflict; an operand in another file carries its own
`file`).  Repeats are looked for across all the files given (`--repeats
across`, the default: papers reporting one event), within each file only
(`within`), or not at all (`none`); they are printed after the other findings,
once every file is read.
Offsets index the decoded file as `factdesk detect` reports them, so
``decoded[source_start:source_end]`` is the span as it stands in the file.

Without files, the articles of the review database (`--db`, else the
per-user one; `--article` for some of them) are checked as the store keeps
them (desktop.store.findings): the same records, with the offsets in the
file as it was imported (the store keeps its decoded text), plus the
finding's `id` and `article_id` and what editors did about it, `status`
open, accepted or dismissed, `acted_by`, `acted_at`.  A database the user
may not write is read without storing anything.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop.checks.document import PlacedFinding, iter_document
from desktop.checks.messages import render
from desktop.checks.model import Operand
from desktop.checks.repeats.place import PlacedRepeat, repeats_of_files
from desktop.cli.files import EXIT_OK, EXIT_REFUSED, readable_files
from desktop.cli.review import database_path, record_id
from desktop.cli.table import write_table
from desktop.paths import default_database_path, seed_files
from desktop.pipeline import DocumentResult
from desktop.store import ReviewStore
from desktop.store.records import FINDING_STATUS_LABELS_ZH, StoredFinding

# A file name that is not UTF-8 reaches Python with lone surrogates; they are
# written as JSON escapes so the line stays UTF-8 (as `detect` does).
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_VERDICT = {True: "✓", False: "✗", None: "?"}
_TABLE_HEADER = ["文章", "核对", "结论", "原文", "说明"]
_TABLE_WIDTHS = (4, 8, 4, 16, 70)


def add_check_command(commands: Any) -> None:
    """Register `check` on the `factdesk` sub-command parser."""
    check = commands.add_parser("check", help="check the arithmetic and the number usage of files")
    check.add_argument("files", nargs="*", metavar="FILE", help="files to check (none: the review database)")
    check.add_argument(
        "--db", metavar="PATH", type=database_path, help="review database (default: the per-user database)"
    )
    check.add_argument(
        "--article",
        action="append",
        default=[],
        type=record_id,
        metavar="ID",
        help="only this stored article",
    )
    check.add_argument(
        "--repeats",
        choices=("across", "within", "none"),
        default="across",
        help="look for the same figure across all files (default), within each file, or not at all",
    )
    check.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    check.add_argument("--language", choices=("zh", "en"), default="zh", help="language of the messages")
    check.set_defaults(func=cmd_check)


def finding_record(file: str, placed: PlacedFinding, language: str = "zh") -> dict[str, object]:
    """One finding as the JSON object `factdesk check` prints."""
    f = placed.finding
    article = placed.article.article
    start, end = placed.source_span
    record: dict[str, object] = {
        "file": file,
        "article": article.index,
        "headline": article.headline,
        "check": f.check,
        "holds": f.holds,
        "text": article.text[f.start : f.end],
        "source_start": start,
        "source_end": end,
        "operands": [_operand(o, span) for o, span in zip(f.operands, placed.operand_spans, strict=True)],
        "computed": f.computed,
        "reading": f.reading,
        "message": render(f.message, language),
        "code": f.message.code,
    }
    if f.check == "usage":
        record["rule"] = f.rule
        record["fix"] = f.fix
    return record


def cmd_check(args: argparse.Namespace) -> int:
    if not args.files:
        return cmd_check_db(args)
    if args.db or args.article:
        print("factdesk: check: give files or --db/--article, not both", file=sys.stderr)
        return EXIT_REFUSED
    out = sys.stdout
    read = findings = flags = 0
    kept: list[tuple[str, DocumentResult]] = []  # for repeats across files, once all are read
    for file, result in readable_files(args.files):
        read += 1
        if read == 1 and args.format == "table":
            write_table([_TABLE_HEADER], _TABLE_WIDTHS, out)
        for placed in iter_document(result):
            findings += 1
            flags += placed.finding.is_flag
            if args.format == "jsonl":
                out.write(_json_line(finding_record(file, placed, args.language)) + "\n")
            else:
                write_table([_table_row(placed, args.language)], _TABLE_WIDTHS, out)
        if args.repeats == "within":
            repeats = repeats_of_files([(file, result)])
        else:
            repeats = []
            if args.repeats == "across":
                kept.append((file, result))
        for repeat in repeats:
            findings += 1
            flags += repeat.finding.is_flag
            _write_repeat(repeat, args, out)
        out.flush()
    for repeat in repeats_of_files(kept) if kept else []:
        findings += 1
        flags += repeat.finding.is_flag
        _write_repeat(repeat, args, out)
    out.flush()
    if args.format == "table":
        refused = len(args.files) - read
        print(
            f"{findings} findings, {flags} to look at, in {read} file(s)"
            + (f", {refused} refused" if refused else ""),
            file=sys.stderr,
        )
    return EXIT_OK if read else EXIT_REFUSED


def repeat_record(placed: PlacedRepeat, language: str = "zh") -> dict[str, object]:
    """One repeat or conflict as the JSON object `factdesk check` prints (operands may be in other files)."""
    f = placed.finding
    article = placed.article.article
    start, end = placed.source_span
    operands = [
        _operand(o, span, other)
        for o, span, other in zip(f.operands, placed.operand_spans, placed.operand_files, strict=True)
    ]
    return {
        "file": placed.file,
        "article": article.index,
        "headline": article.headline,
        "check": f.check,
        "holds": f.holds,
        "text": article.text[f.start : f.end],
        "source_start": start,
        "source_end": end,
        "operands": operands,
        "computed": f.computed,
        "reading": f.reading,
        "message": render(f.message, language),
        "code": f.message.code,
    }


def _operand(operand: Operand, span: tuple[int, int], file: str = "") -> dict[str, object]:
    """One figure of a finding, placed in its file (`file` only when it is another than the finding's)."""
    record: dict[str, object] = {
        "role": operand.role,
        "text": operand.text,
        "source_start": span[0],
        "source_end": span[1],
        "claim": operand.claim_id or None,
        "value": operand.value,
    }
    if file:
        record["file"] = file
    return record


def _write_repeat(placed: PlacedRepeat, args: argparse.Namespace, out: TextIO) -> None:
    if args.format == "jsonl":
        out.write(_json_line(repeat_record(placed, args.language)) + "\n")
        return
    f = placed.finding
    article = placed.article.article
    row = [
        str(article.index),
        f.check,
        _VERDICT[f.holds],
        article.text[f.start : f.end],
        render(f.message, args.language),
    ]
    write_table([row], _TABLE_WIDTHS, out)


def stored_record(
    store_finding: StoredFinding, file: str, article_index: int, headline: str, language: str = "zh"
) -> dict[str, object]:
    """One stored finding as the JSON object `factdesk check --db` prints (finding_record's fields and more)."""
    f = store_finding
    record: dict[str, object] = {
        "file": file,
        "article": article_index,
        "article_id": f.article_id,
        "headline": headline,
        "id": f.id,
        "check": f.check,
        "holds": f.holds,
        "text": f.text,
        "source_start": f.source_start,
        "source_end": f.source_end,
        "operands": [
            {
                "role": o.role,
                "text": o.text,
                "source_start": o.source_start,
                "source_end": o.source_end,
                "claim": o.claim_id or None,
                "value": o.value,
                # A repeat's figure in another article carries that article's file.
                **({"file": o.document} if o.document else {}),
            }
            for o in f.operands
        ],
        "computed": f.computed,
        "reading": f.reading,
        "message": render(f.message, language),
        "code": f.message.code,
        "claim": f.claim_id or None,
        "status": f.status,
        "acted_by": f.acted_by,
        "acted_at": f.acted_at,
    }
    if f.check == "usage":
        record["rule"] = f.rule
        record["fix"] = f.fix
    return record


def cmd_check_db(args: argparse.Namespace) -> int:
    """The findings of stored articles, as the store keeps them (refusals become exit 1 in main)."""
    out = sys.stdout
    path = Path(args.db) if args.db else default_database_path()
    # As the other commands: only the per-user database starts with the demo pages.
    seed = None if args.db else lambda new: new.import_files(seed_files())
    read_only = not ReviewStore.may_write(path)
    findings = flags = 0
    with ReviewStore.open(path, on_create=seed, read_only=read_only) as store:
        documents = {d.id: d for d in store.documents()}
        chosen = set(args.article)
        articles = [a for a in store.articles() if not chosen or a.id in chosen]
        # An article of a replaced version is left out of every list, but named by id it is checked;
        # an id that is no article raises UnknownArticle (named, exit 1).
        articles += [store.article_summary(missing) for missing in sorted(chosen - {a.id for a in articles})]
        if args.format == "table":
            write_table([[*_TABLE_HEADER, "状态"]], (*_TABLE_WIDTHS, 6), out)
        for article in articles:
            document = documents.get(article.document_id)
            file = document.path if document is not None else article.file_name
            for stored in store.findings(article.id):
                findings += 1
                flags += stored.is_open_flag
                if args.format == "jsonl":
                    record = stored_record(stored, file, article.index, article.headline, args.language)
                    out.write(_json_line(record) + "\n")
                else:
                    kind = f"usage {stored.rule}" if stored.check == "usage" else stored.check
                    row = [str(article.index), kind, _VERDICT[stored.holds], stored.text]
                    row += [render(stored.message, args.language), FINDING_STATUS_LABELS_ZH[stored.status]]
                    write_table([row], (*_TABLE_WIDTHS, 6), out)
            out.flush()
    if args.format == "table":
        print(f"{findings} findings, {flags} open flags, in {len(articles)} article(s)", file=sys.stderr)
    return EXIT_OK


def _table_row(placed: PlacedFinding, language: str) -> list[str]:
    f = placed.finding
    kind = f"usage {f.rule}" if f.check == "usage" else f.check
    text = placed.article.article.text[f.start : f.end]
    return [str(placed.article.article.index), kind, _VERDICT[f.holds], text, render(f.message, language)]


def _json_line(record: dict[str, object]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)
