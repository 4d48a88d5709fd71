"""A correction is kept as the editor typed it ("1.3万") beside the number it was read as."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.export.columns import DETAIL_SHEET, HEADERS
from desktop.export.readback import read_workbook
from desktop.export.xlsx import export_workbook
from desktop.store import ReviewStore, findings, migrations


def test_the_typed_form_is_saved_with_the_value_and_in_the_audit(store: ReviewStore) -> None:
    claim = store.claims()[0]
    change = store.decide(claim.id, "corrected", editor="张", corrected_value="1.3万")
    assert change.claim.corrected_value == Decimal(13000)
    assert change.claim.corrected_text == "1.3万"
    assert store.claim(claim.id).corrected_text == "1.3万"
    assert (change.before["corrected_text"], change.after["corrected_text"]) == ("", "1.3万")
    entry = store.history(claim.id)[-1]
    assert entry.after["corrected_text"] == "1.3万"


def test_a_corrected_claim_keeps_its_typed_form_until_the_correction_goes(store: ReviewStore) -> None:
    claim = store.claims()[0]
    store.decide(claim.id, "corrected", editor="张", corrected_value="一百二十")
    # A source tag saved on the corrected claim: no new value, the typed form stays.
    kept = store.decide(claim.id, "corrected", editor="张", sources=["年鉴"]).claim
    assert (kept.corrected_value, kept.corrected_text) == (Decimal(120), "一百二十")
    confirmed = store.decide(claim.id, "confirmed", editor="张").claim
    assert (confirmed.corrected_value, confirmed.corrected_text) == (None, "")
    assert store.history(claim.id)[-1].before["corrected_text"] == "一百二十"


def test_article_summary_gives_the_counts_of_article(store: ReviewStore) -> None:
    article = store.articles()[0]
    claim = store.claims(article.id)[0]
    store.decide(claim.id, "confirmed", editor="张")
    summary = store.article_summary(article.id)
    assert summary == store.article(article.id).summary
    assert (summary.confirmed, summary.pending) == (1, article.claims - 1)


def _export(store: ReviewStore, out: Path) -> None:
    export_workbook(
        out,
        store.export_rows(),
        store.articles(),
        database=store.path,
        database_id=store.database_id,
    )


def test_the_workbook_carries_the_typed_form_and_brings_it_back(store: ReviewStore, tmp_path: Path) -> None:
    first, second, third = store.claims()[:3]
    store.decide(first.id, "corrected", editor="张", corrected_value="1.3万")
    store.decide(second.id, "corrected", editor="张", corrected_value="2.5亿")
    out = tmp_path / "review.xlsx"
    _export(store, out)
    workbook = openpyxl.load_workbook(out)
    sheet = workbook[DETAIL_SHEET]
    header = [cell.value for cell in sheet[1]]
    assert header.index("更正写法") == header.index("更正值") + 1
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows[first.id][header.index("更正值")].value == 13000
    assert rows[first.id][header.index("更正写法")].value == "1.3万"
    # The editor corrects the second claim again in the workbook and a third one anew;
    # the first row is only given a note.
    rows[first.id][header.index("备注")].value = "电话核实"
    rows[second.id][header.index("更正值")].value = 300000000
    rows[third.id][header.index("状态")].value = "已更正"
    rows[third.id][header.index("更正值")].value = "3千"
    workbook.save(out)

    read = read_workbook(out)
    assert {e.claim_id: e.corrected_text for e in read.edits}[first.id] == "1.3万"
    changes, refused = store.apply_edits(read.edits, editor="李", database_id=read.database_id)
    assert not refused and len(changes) == 3
    # Still 1.3万: the workbook held 13000 and the typed form that reads as it.
    assert (store.claim(first.id).corrected_text, store.claim(first.id).note) == ("1.3万", "电话核实")
    # Changed in the workbook: saved as written there, the old typed form dropped.
    assert (store.claim(second.id).corrected_value, store.claim(second.id).corrected_text) == (
        Decimal(300000000),
        "300000000",
    )
    assert (store.claim(third.id).corrected_value, store.claim(third.id).corrected_text) == (
        Decimal(3000),
        "3千",
    )


def test_a_workbook_without_the_typed_column_keeps_the_typed_form(store: ReviewStore, tmp_path: Path) -> None:
    claim = store.claims()[0]
    store.decide(claim.id, "corrected", editor="张", corrected_value="1.3万")
    out = tmp_path / "review.xlsx"
    _export(store, out)
    workbook = openpyxl.load_workbook(out)
    sheet = workbook[DETAIL_SHEET]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == claim.id)
    row[HEADERS.index("备注")].value = "改了备注"
    sheet.delete_cols(HEADERS.index("更正写法") + 1)
    workbook.save(out)
    read = read_workbook(out)
    changes, refused = store.apply_edits(read.edits, editor="李", database_id=read.database_id)
    assert not refused and len(changes) == 1
    assert store.claim(claim.id).corrected_text == "1.3万"


def test_a_version_3_database_gains_the_column_and_keeps_its_corrections(
    db_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        # FactDesk at version 3 kept no check findings (schema version 5).
        patched.setattr(findings, "document_rows", lambda result: {})
        with ReviewStore.open(db_path) as old:
            old.import_files([seed_copy])
    # A correction as FactDesk saved it at version 3: the number only.
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    claim_id = conn.execute("SELECT claim_id FROM decisions ORDER BY claim_id LIMIT 1").fetchone()[0]
    with conn:
        conn.execute(
            "UPDATE decisions SET status = 'corrected', corrected_value = '13000', version = 1"
            " WHERE claim_id = ?",
            [claim_id],
        )
    conn.close()
    with ReviewStore.open(db_path) as store:
        claim = store.claim(claim_id)
        upgraded = claim
        assert (upgraded.corrected_value, upgraded.corrected_text) == (Decimal(13000), "")
        again = store.decide(claim.id, "corrected", editor="张", corrected_value="1.3万").claim
        assert again.corrected_text == "1.3万"
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    conn.close()
