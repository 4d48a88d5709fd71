"""Proposing the document an article was written from."""

from __future__ import annotations

from pathlib import Path

from desktop.checks.release.document import placed
from desktop.checks.release.propose import propose_document, rank_documents
from desktop.claims.model import Claim
from desktop.ingest.model import SourceText
from desktop.pipeline import process_file, process_source

DATA = Path(__file__).resolve().parents[2] / "data" / "release_pairs"


def _texts(paths: list[Path]) -> list[tuple[str, tuple[Claim, ...]]]:
    documents = [placed(process_file(p)) for p in paths]
    return [(d.text, d.claims) for d in documents]


def test_each_dev_article_proposes_its_own_release() -> None:
    sources = sorted(DATA.glob("*.source.txt"))
    candidates = _texts(sources)
    for i, source in enumerate(sources):
        article = placed(process_file(Path(str(source).replace(".source.txt", ".article.txt"))))
        proposal = propose_document(article.text, article.claims, candidates)
        assert proposal is not None and proposal.index == i, source.name


def test_figures_outweigh_words_and_words_break_ties() -> None:
    article = placed(
        process_source(SourceText(Path("a.txt"), "6月失业率为3.74%,失业人数为44.2万人。", "utf-8"))
    )
    on_topic_no_figures = "6月失業率與失業人數的說明。"
    with_figures = "6月失業人數44萬2千人,失業率3.74%。"
    other_topic = "粮食总产量增长3.74%,达44.2万吨。"
    candidates = [
        (d.text, d.claims)
        for d in (
            placed(process_source(SourceText(Path(f"{n}.txt"), t, "utf-8")))
            for n, t in enumerate((on_topic_no_figures, other_topic, with_figures))
        )
    ]
    ranked = rank_documents(article.text, article.claims, candidates)
    assert [p.index for p in ranked] == [2, 1, 0]
    # 44.2万人 and 44.2万吨 are not the same unit: the other topic shares one figure only.
    assert ranked[0].figures == 2.0 and ranked[1].figures == 1.0
    assert ranked[2].words > ranked[1].words == 0.0


def test_no_proposal_when_nothing_is_shared() -> None:
    article = placed(process_source(SourceText(Path("a.txt"), "全年接待游客1,234万人次。", "utf-8")))
    unrelated = placed(process_source(SourceText(Path("b.txt"), "粮食总产量12358亿斤。", "utf-8")))
    assert propose_document(article.text, article.claims, [(unrelated.text, unrelated.claims)]) is None
    assert propose_document(article.text, article.claims, []) is None
