"""Commands on the review database: import, list, decide, search, export.

They call the same ReviewStore service the window uses, so what works here
works there.  Every command takes `--db PATH`; without it the per-user
default database is used (filled with the demo pages on first use).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desktop.cli.table import write_table
from desktop.ingest.reader import display_name, display_path
from desktop.paths import default_database_path, seed_files
from desktop.store import ReviewStore, StoreError
from desktop.store.records import STATUS_LABELS_ZH, ClaimView, ImportReport

EXIT_OK = 0
EXIT_REFUSED = 1

ACTIONS = {"confirm": "confirmed", "reject": "rejected", "pending": "pending", "correct": "corrected"}


def editor_name(given: str | None) -> str:
    """Who is deciding: --editor, else $FACTDESK_EDITOR, else the login name."""
    if given:
        return given
    from_env = os.environ.get("FACTDESK_EDITOR", "").strip()
    try:
        name = from_env or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "editor"
    # The environment can hold bytes that are not UTF-8; the audit log keeps
    # them as escapes rather than failing to store the name at all.
    return display_path(name)


def refuse(message: object) -> int:
    print(f"factdesk: {message}", file=sys.stderr)
    return EXIT_REFUSED


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[ReviewStore]:
    # Only the per-user default database starts out with the demo pages; a
    # database named with --db holds exactly what the user imports into it.
    path = Path(args.db) if args.db else default_database_path()
    seed = None if args.db else lambda new: new.import_files(seed_files())
    # The reading commands also work on a database this user may not write (a
    # colleague's file, a read-only share): opened read-only, never migrated
    # or backed up.
    reading = getattr(args, "command", None) in ("articles", "claims", "history", "search", "export")
    read_only = reading and not ReviewStore.may_write(path)
    store = ReviewStore.open(path, on_create=seed, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def _claim_json(claim: ClaimView) -> dict[str, object]:
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "value": str(claim.value),
        "value_low": None if claim.value_low is None else str(claim.value_low),
        "unit": claim.unit,
        "kind": claim.kind,
        "approx": claim.approx,
        "subject": claim.subject,
        "time": claim.time,
        "place": claim.place,
        "sentence": claim.sentence,
        "status": claim.status,
        "reason": claim.reason,
        "corrected_value": None if claim.corrected_value is None else str(claim.corrected_value),
        "corrected_unit": claim.corrected_unit,
        "sources": list(claim.sources),
        "note": claim.note,
        "editor": claim.editor,
        "decided_at": claim.decided_at,
        "version": claim.version,
        "orphaned": claim.orphaned,
    }


def cmd_import(args: argparse.Namespace) -> int:
    documents = articles = claims = duplicates = refused = 0

    def heard(report: ImportReport) -> None:
        # Each file reported as soon as it is known: a refusal is on screen
        # while the rest of a long batch is still being read.
        nonlocal documents, articles, claims, duplicates, refused
        for path, reason, _kind in report.refused:
            refused += 1
            print(f"factdesk: {display_name(path)}: {reason}", file=sys.stderr, flush=True)
        for path in report.duplicates:
            duplicates += 1
            print(f"already imported, skipped: {display_path(path)}", flush=True)
        documents += report.documents_added
        articles += report.articles_added
        claims += report.claims_added

    with opened(args) as store:
        # A batch big enough is detected in worker processes (--jobs, default:
        # one per core but the writer's); the database names stay as shown
        # for a name that is not valid UTF-8 (a GBK name, say).
        store.import_files([Path(given) for given in args.files], workers=args.jobs, on_file=heard)
    print(
        f"imported {documents} document(s), {articles} article(s), {claims} claim(s); {refused} file(s) refused"
    )
    return EXIT_REFUSED if documents == 0 and not duplicates else EXIT_OK


def cmd_articles_in_db(args: argparse.Namespace) -> int:
    with opened(args) as store:
        summaries = store.articles(args.status)
    rows = [["ID", "标题", "日期", "来源文件", "数字", "已核"]]
    for summary in summaries:
        rows.append(
            [
                str(summary.id),
                summary.headline,
                summary.date,
                summary.file_name,
                str(summary.claims),
                f"{summary.reviewed}/{summary.claims}",
            ]
        )
    write_table(rows, (5, 44, 10, 26, 5, 9), sys.stdout)
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    with opened(args) as store:
        claims = store.claims(args.article, args.status)
    if args.format == "jsonl":
        for claim in claims:
            sys.stdout.write(json.dumps(_claim_json(claim), ensure_ascii=False) + "\n")
        return EXIT_OK
    rows = [["ID", "原文", "数值", "单位", "类型", "主体", "状态"]]
    for claim in claims:
        rows.append(
            [
                claim.id,
                claim.text,
                str(claim.value),
                claim.unit,
                claim.kind,
                claim.subject,
                STATUS_LABELS_ZH.get(claim.status, claim.status),
            ]
        )
    write_table(rows, (16, 16, 14, 8, 8, 20, 6), sys.stdout)
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    status = ACTIONS[args.action]
    if status == "corrected" and args.value is None:
        return refuse("correct needs the corrected VALUE, e.g. `factdesk decide ID correct 1.3万`")
    if status != "corrected" and args.value is not None:
        return refuse(f"{args.action} takes no value (did you mean `correct {args.value}`?)")
    with opened(args) as store:
        change = store.decide(
            args.claim_id,
            status,
            editor=editor_name(args.editor),
            corrected_value=args.value,
            corrected_unit=args.unit,
            reason=args.reason,
            sources=args.source if args.source else None,
            note=args.note,
        )
    claim = change.claim
    shown = f" → {claim.corrected_value}{claim.corrected_unit}" if claim.status == "corrected" else ""
    print(f"saved {claim.id} {claim.text}: {STATUS_LABELS_ZH[claim.status]}{shown} (version {claim.version})")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    with opened(args) as store:
        claim = store.claim(args.claim_id)
        entries = store.history(args.claim_id)
    print(f"{claim.id} {claim.text} — {claim.subject}")
    for entry in entries:
        changed = sorted(set(entry.before) | set(entry.after))
        diffs = [
            f"{key}: {entry.before.get(key)!r} → {entry.after.get(key)!r}"
            for key in changed
            if entry.before.get(key) != entry.after.get(key)
        ]
        print(f"{entry.at}  {entry.editor or '-'}  {entry.action}  " + ("; ".join(diffs) or "(no change)"))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with opened(args) as store:
        hits = store.search(args.text)
        if not hits:
            print(f"nothing matches {args.text!r}")
            return EXIT_OK
        claim_texts = {hit.claim_id: store.claim(hit.claim_id).text for hit in hits if hit.claim_id}
    rows = [["文章", "数字", "数字ID", "标题", "摘录"]]
    for hit in hits:
        rows.append(
            [str(hit.article_id), claim_texts.get(hit.claim_id, "-"), hit.claim_id, hit.headline, hit.snippet]
        )
    write_table(rows, (5, 12, 16, 30, 50), sys.stdout)
    return EXIT_OK


def cmd_redetect(args: argparse.Namespace) -> int:
    with opened(args) as store:
        report = store.redetect(force=args.force)
    print(
        f"detector {report.detector_version}: {report.claims_added} new claim(s), "
        f"{report.decisions_kept} decision(s) kept, {report.decisions_reattached} reattached, "
        f"{report.orphaned} orphaned (kept)"
    )
    return EXIT_OK


def _progress_printer(label: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    interactive = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if interactive:
            print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)

    def finish() -> None:
        if interactive:
            print(file=sys.stderr)

    return show, finish


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.export.target import TargetRefused, check_target
    from desktop.export.xlsx import export_workbook

    out = Path(args.out)
    database = Path(args.db) if args.db else default_database_path()
    # Before the database is opened (which may create it): a target that is
    # the database, or anything but a workbook, is refused untouched.
    refusal = check_target(out, database=database)
    if refusal is not None:
        return refuse(f"{refusal}; nothing was written")
    statuses: list[str] = args.status
    with opened(args) as store:
        if not store.read_only:
            store.refresh_checks()  # a database from before the checks: its 核查提示 and 提示 filled first
        total = store.count_export_rows(statuses, args.article)
        articles = [a for a in store.articles() if not args.article or a.id in args.article]
        show, finish = _progress_printer("exporting")
        filters = []
        if statuses:
            filters.append("状态: " + "、".join(STATUS_LABELS_ZH[s] for s in statuses))
        if args.article:
            filters.append("文章ID: " + "、".join(map(str, args.article)))
        try:
            report = export_workbook(
                out,
                store.export_rows(statuses, args.article),
                articles,
                total=total,
                progress=show,
                editor=editor_name(args.editor),
                made_at=datetime.now(),
                filters_description="；".join(filters) or "全部",
                database=store.path,
                database_id=store.database_id,
                findings=store.export_findings(args.article, with_releases=True),
            )
        except TargetRefused as error:
            finish()
            return refuse(f"{error}; nothing was written")
        finish()
    print(f"wrote {report.rows} claim(s) to {report.path}")
    return EXIT_OK


def cmd_import_decisions(args: argparse.Namespace) -> int:
    from desktop.export.readback import read_workbook
    from desktop.store.errors import ForeignWorkbook

    workbook = Path(args.workbook)
    read = read_workbook(workbook)
    problems = read.problems
    with opened(args) as store:
        try:
            # The workbook's database id (None from an older export) goes to
            # the store, which refuses the whole workbook if it is another
            # database's: its claim ids and versions mean nothing here.
            changes, refused = store.apply_edits(
                read.edits, editor=editor_name(args.editor), database_id=read.database_id
            )
        except ForeignWorkbook as error:
            return refuse(f"{workbook.name}: refused, nothing was changed: {error.reason}")
    for change in changes:
        claim = change.claim
        shown = f" → {claim.corrected_value}{claim.corrected_unit}" if claim.status == "corrected" else ""
        print(f"changed {claim.id} {claim.text}: {STATUS_LABELS_ZH[claim.status]}{shown}")
    for row, reason in problems:
        print(f"factdesk: row {row}: {reason}", file=sys.stderr)
    for edit, reason in refused:
        print(f"factdesk: row {edit.row} ({edit.claim_id}): refused: {reason}", file=sys.stderr)
    print(f"{len(changes)} decision(s) changed, {len(refused) + len(problems)} row(s) refused")
    return EXIT_REFUSED if (refused or problems) and not changes else EXIT_OK


def status_key(value: str) -> str:
    """Accept both `confirmed` and its Chinese label 已确认 on the command line."""
    for key, label in STATUS_LABELS_ZH.items():
        if value in (key, label):
            return key
    raise argparse.ArgumentTypeError(f"unknown status {value!r}; use one of {', '.join(STATUS_LABELS_ZH)}")


def database_path(value: str) -> str:
    """`--db` names a file; an empty one would quietly mean the per-user database."""
    if not value.strip():
        raise argparse.ArgumentTypeError("the database path is empty; name a file, or leave --db out")
    return value


def record_id(value: str) -> int:
    """An article id: a whole number SQLite can hold (a larger one would fail as it is looked up)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {value!r} (ids are whole numbers)") from None
    if not 0 <= number < 2**63:
        raise argparse.ArgumentTypeError(f"no such id: {value}")
    return number


def jobs_count(value: str) -> int:
    """A number of worker processes: 0 (none) up to a few dozen."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if not 0 <= number <= 64:
        raise argparse.ArgumentTypeError(f"between 0 and 64 processes, not {number}")
    return number


def add_review_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument(
            "--db",
            metavar="PATH",
            type=database_path,
            help="review database (default: the per-user database)",
        )
        return parser

    imp = with_db(commands.add_parser("import", help="import article files into the review database"))
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument(
        "--jobs",
        type=jobs_count,
        default=None,
        metavar="N",
        help="worker processes that detect claims besides the writer (0: none; default: by batch size and cores)",
    )
    imp.set_defaults(func=cmd_import)

    claims = with_db(commands.add_parser("claims", help="list claims and their decisions"))
    claims.add_argument("--article", type=record_id, metavar="ID")
    claims.add_argument("--status", choices=("pending", "confirmed", "corrected", "rejected"))
    claims.add_argument("--format", choices=("jsonl", "table"), default="table")
    claims.set_defaults(func=cmd_claims)

    decide = with_db(commands.add_parser("decide", help="record a decision on one claim"))
    decide.add_argument("claim_id", metavar="CLAIM_ID")
    decide.add_argument("action", choices=tuple(ACTIONS))
    decide.add_argument(
        "value", nargs="?", metavar="VALUE", help="the corrected value (with correct), e.g. 1.3万"
    )
    decide.add_argument("--unit", help="the corrected unit")
    decide.add_argument("--reason", choices=("not-a-claim", "wrong-number"))
    decide.add_argument(
        "--source", action="append", default=[], metavar="TAG", help="a source tag (repeatable)"
    )
    decide.add_argument("--note")
    decide.add_argument("--editor", help="who decides (default: $FACTDESK_EDITOR or the login name)")
    decide.set_defaults(func=cmd_decide)

    history = with_db(commands.add_parser("history", help="show the audit trail of one claim"))
    history.add_argument("claim_id", metavar="CLAIM_ID")
    history.set_defaults(func=cmd_history)

    search = with_db(commands.add_parser("search", help="find articles and claims by text"))
    search.add_argument("text")
    search.set_defaults(func=cmd_search)

    redetect = with_db(commands.add_parser("redetect", help="re-run detection, keeping every decision"))
    redetect.add_argument("--force", action="store_true", help="also documents detected by this version")
    redetect.set_defaults(func=cmd_redetect)

    export = with_db(commands.add_parser("export", help="write the reviewed claims to an .xlsx workbook"))
    export.add_argument("out", metavar="OUT.xlsx")
    export.add_argument("--status", action="append", default=[], type=status_key, metavar="S")
    export.add_argument("--article", action="append", default=[], type=record_id, metavar="ID")
    export.add_argument("--editor")
    export.set_defaults(func=cmd_export)

    readback = with_db(
        commands.add_parser("import-decisions", help="apply decisions edited in an exported workbook")
    )
    readback.add_argument("workbook", metavar="EDITED.xlsx")
    readback.add_argument("--editor")
    readback.set_defaults(func=cmd_import_decisions)


def run_review_command(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Turn refusals (bad database, unknown claim, bad value, bad workbook) into exit code 1."""
    from desktop.export.errors import WorkbookError

    try:
        return func(args)
    except (StoreError, WorkbookError) as error:
        return refuse(error)
    except BrokenPipeError:  # an OSError, but not a refusal: main() ends quietly
        raise
    except OSError as error:  # e.g. export into a folder that does not exist
        return refuse(f"{error.filename or ''}: {error.strerror or error}")
