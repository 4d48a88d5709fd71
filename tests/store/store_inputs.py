"""Inputs the store tests build on demand: overlong sentences, big documents, an old-schema database."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from desktop import pipeline
from desktop.ingest.model import SourceText
from desktop.store import database, migrations, rows


def one_sentence(chars: int) -> str:
    """One sentence of about `chars` characters, a claim every 10 (据统计，新增床位1000张，新增床位1001张，…。)."""
    parts = ["据统计，"]
    size = len(parts[0])
    number = 0
    while size < chars - 1:
        piece = f"新增床位{1000 + number % 9000}张，"
        parts.append(piece)
        size += len(piece)
        number += 1
    return "".join(parts)[: chars - 1] + "。"


def long_sentence_file(folder: Path, chars: int) -> Path:
    path = folder / f"one-sentence-{chars}.txt"
    path.write_text("床位统计\n\n" + one_sentence(chars) + "\n", encoding="utf-8")
    return path


def _paragraph(i: int) -> str:
    return f"截至{2000 + i % 25}年底，全市新增养老床位{1000 + i}张，同比增长{i % 90 + 1}.5%，投入资金{i % 70 + 3}亿元。"


def big_result(articles: int, claims_per_article: int, tag: str = "big") -> pipeline.DocumentResult:
    """A processed document of `articles` articles, each with about `claims_per_article` claims.

    Detected once and copied (each copy its own position and claim ids), so a
    test gets 100,000 claims in a second instead of detecting them for a minute.
    """
    text = "养老服务\n\n" + "\n".join(_paragraph(i) for i in range(claims_per_article // 4 + 1))
    source = SourceText(path=Path(f"{tag}.txt"), text=text, encoding="utf-8", dropped_cr=())
    one = pipeline.process_source(source)
    first = one.articles[0]
    copies = []
    for n in range(articles):
        claims = tuple(
            replace(claim, id=hashlib.blake2b(f"{tag}:{n}:{claim.id}".encode(), digest_size=8).hexdigest())
            for claim in first.claims
        )
        copies.append(pipeline.ArticleResult(replace(first.article, index=n), claims))
    digest = hashlib.sha256(f"{tag}:{articles}:{claims_per_article}".encode()).hexdigest()
    return replace(one, articles=tuple(copies), content_hash=digest)


def version_2_database(path: Path, results: list[pipeline.DocumentResult], sentences: dict[str, str]) -> None:
    """A database as FactDesk wrote it at schema version 2: every claim row holding a copy of its sentence.

    `sentences` overrides the sentence of the claims it names (an old
    detector kept a whole overlong sentence; an orphaned claim kept one its
    article no longer has).
    """
    released = migrations.MIGRATIONS[:2]
    db = database.connect(path)
    try:
        for number, migration in enumerate(released, start=1):
            with db.conn:
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")
                db.execute(f"PRAGMA application_id = {database.APPLICATION_ID}")
        with db.conn:
            for result in results:
                document_id = (
                    db.table("documents")
                    .insert(
                        {
                            "file_name": result.source.path.name,
                            "path": str(result.source.path),
                            "content_hash": result.content_hash,
                            "encoding": result.source.encoding,
                            "imported_at": rows.now(),
                            "version": 1,
                            "source_text": result.source.text,
                            "dropped_cr": rows.pack_ints(result.source.dropped_cr),
                            "detector_version": result.detector_version,
                        }
                    )
                    .last_pk
                )
                for article_result in result.articles:
                    article_id = (
                        db.table("articles")
                        .insert(rows.article_row(int(document_id or 0), article_result.article))
                        .last_pk
                    )
                    claims = article_result.claims
                    db.conn.executemany(
                        "INSERT INTO claims (id, article_id, document_id, span_start, span_end, source_start,"
                        " source_end, text, value, unit, kind, subject, sentence)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            (
                                *(
                                    c.id,
                                    article_id,
                                    document_id,
                                    c.start,
                                    c.end,
                                    c.source_start,
                                    c.source_end,
                                ),
                                *(c.text, rows.decimal_text(c.value), c.unit, c.kind, c.subject),
                                sentences.get(c.id, c.sentence),
                            )
                            for c in claims
                        ],
                    )
                    db.conn.executemany(
                        "INSERT INTO decisions (claim_id, article_id) VALUES (?, ?)",
                        [(c.id, article_id) for c in claims],
                    )
    finally:
        db.close()


def whole_sentence(result: pipeline.DocumentResult, claim_id: str) -> str:
    """The uncut sentence of a claim, as FactDesk stored it before sentences were bounded."""
    for article_result, claim in result.claims():
        if claim.id == claim_id:
            text = article_result.article.text
            start = max(text.rfind(mark, 0, claim.start) for mark in "。\n") + 1
            ends = [at for at in (text.find(mark, claim.end) for mark in "。\n") if at >= 0]
            return text[start : min(ends, default=len(text))].strip()
    raise KeyError(claim_id)
