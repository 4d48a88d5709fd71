"""The memory of figures on the command line: where else a stored article's figures are stated.

    factdesk memory --article ID [--db PATH] [--format jsonl|table] [--language zh|en]

One line per hit, each claim's hits in the order the store gives them
(verified first): the claim (`claim`, `text`, `value`, `unit`), the other
statement (`other_claim`, `other_article`, `other_headline`, `other_date`,
`other_file`, `other_text`, `other_value`), whether it is verified (confirmed
or corrected, with `sources`, `editor`, `decided_at`), `relation`
(equal, rounded or conflict) and the check's `message`.  Articles imported
since the memory was last refreshed are keyed first (ReviewStore.memory_for).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.checks.messages import render
from desktop.cli.files import EXIT_OK
from desktop.cli.review import database_path, opened, record_id
from desktop.cli.table import write_table
from desktop.store.records import MemoryHit

_TABLE_HEADER = ["原文", "关系", "另一篇", "另一处", "已核实", "说明"]
_TABLE_WIDTHS = (14, 6, 24, 14, 6, 56)
_RELATION_ZH = {"equal": "一致", "rounded": "约数相符", "conflict": "矛盾"}


def add_memory_command(commands: Any) -> None:
    """Register `memory` on the `factdesk` sub-command parser."""
    memory = commands.add_parser(
        "memory", help="where else a stored article's figures are stated, and whether verified"
    )
    memory.add_argument("--article", required=True, type=record_id, metavar="ID", help="the article")
    memory.add_argument(
        "--db", metavar="PATH", type=database_path, help="review database (default: the per-user database)"
    )
    memory.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    memory.add_argument("--language", choices=("zh", "en"), default="zh")
    memory.set_defaults(func=cmd_memory)


def hit_record(hit: MemoryHit, language: str) -> dict[str, object]:
    """One hit as `factdesk memory` prints it."""
    return {
        "claim": hit.claim_id,
        "text": hit.claim_text,
        "value": hit.value,
        "unit": hit.unit,
        "other_claim": hit.other_claim_id,
        "other_article": hit.other_article_id,
        "other_headline": hit.other_headline,
        "other_date": hit.other_date,
        "other_file": hit.other_file,
        "other_text": hit.other_text,
        "other_value": hit.other_value,
        "verified": hit.verified,
        "sources": list(hit.sources),
        "editor": hit.editor,
        "decided_at": hit.decided_at,
        "relation": hit.relation,
        "message": render(hit.message, language),
    }


def cmd_memory(args: argparse.Namespace) -> int:
    with opened(args) as store:
        store.article_summary(args.article)  # an id that is no article is refused (exit 1), not silent
        hits = store.memory_for(args.article)
        claims = store.claims(args.article)
    order = {claim.id: index for index, claim in enumerate(claims)}
    out = sys.stdout
    if args.format == "table":
        write_table([_TABLE_HEADER], _TABLE_WIDTHS, out)
    count = 0
    for claim_id in sorted(hits, key=lambda c: order.get(c, len(order))):
        for hit in hits[claim_id]:
            count += 1
            if args.format == "jsonl":
                out.write(json.dumps(hit_record(hit, args.language), ensure_ascii=False) + "\n")
                continue
            other = f"{hit.other_article_id} {hit.other_headline}"
            row = [hit.claim_text, _RELATION_ZH.get(hit.relation, hit.relation), other, hit.other_text]
            row += ["是" if hit.verified else "否", render(hit.message, args.language)]
            write_table([row], _TABLE_WIDTHS, out)
    if args.format == "table":
        print(f"{count} hit(s) for {len(hits)} claim(s) of article {args.article}", file=sys.stderr)
    return EXIT_OK
