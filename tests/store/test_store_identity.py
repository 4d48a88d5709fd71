"""Each database knows who it is; decisions edited in a workbook apply only to the database they came from, once."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from store_inputs import version_2_database

from desktop import pipeline
from desktop.ingest.reader import read_file
from desktop.store import ForeignWorkbook, ReviewStore, StoreError
from desktop.store.records import DecisionEdit


def test_a_database_has_one_identity_for_life(db_path: Path, tmp_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        identity = store.database_id
    assert uuid.UUID(identity).version == 4
    with ReviewStore.open(db_path) as store:
        assert store.database_id == identity
    with ReviewStore.open(db_path, read_only=True) as store:
        assert store.database_id == identity
    with ReviewStore.open(tmp_path / "other.sqlite") as other:
        assert other.database_id != identity


def test_an_older_database_gets_its_identity_when_migrated(tmp_path: Path, seed_copy: Path) -> None:
    path = tmp_path / "old.sqlite"
    version_2_database(path, [pipeline.process_source(read_file(seed_copy))], {})
    with ReviewStore.open(path) as store:
        identity = store.database_id
        assert uuid.UUID(identity).version == 4
        assert len(store.claims()) > 0
    with ReviewStore.open(path) as store:
        assert store.database_id == identity


def _edit(row: int, claim_id: str, status: str, version: int | None, note: str = "") -> DecisionEdit:
    return DecisionEdit(
        row=row,
        claim_id=claim_id,
        status=status,
        corrected_value="",
        corrected_unit="",
        note=note,
        version=version,
    )


def _audit_entries(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM audit").fetchone()[0])
    finally:
        conn.close()


def test_a_workbook_from_another_database_is_refused_whole(db_path: Path, store: ReviewStore) -> None:
    claims = store.claims()[:3]
    edits = [_edit(2 + i, claim.id, "已确认", claim.version) for i, claim in enumerate(claims)]
    foreign = str(uuid.uuid4())
    before = _audit_entries(db_path)
    with pytest.raises(ForeignWorkbook) as refused:
        store.apply_edits(edits, editor="导入", database_id=foreign)
    assert isinstance(refused.value, StoreError)
    assert (refused.value.workbook_id, refused.value.database_id) == (foreign, store.database_id)
    assert foreign in refused.value.reason and "another review database" in refused.value.reason
    assert [store.claim(c.id).version for c in claims] == [0, 0, 0]
    assert _audit_entries(db_path) == before
    # Its own identity, or none (a workbook from before identities), is accepted.
    changes, _ = store.apply_edits(edits[:1], editor="导入", database_id=store.database_id)
    assert len(changes) == 1
    changes, _ = store.apply_edits(edits[1:2], editor="导入", database_id=None)
    assert len(changes) == 1


def test_importing_a_workbook_again_after_an_interrupted_run_applies_only_the_rest(
    store: ReviewStore,
) -> None:
    claims = store.claims()[:6]
    edits = [
        _edit(2 + i, claim.id, "已驳回" if i % 2 else "已确认", claim.version, note=f"第{i}行")
        for i, claim in enumerate(claims)
    ]
    first, refused = store.apply_edits(edits[:4], editor="导入")  # the run stopped after row 5
    assert refused == [] and len(first) == 4
    versions = {claim.id: store.claim(claim.id).version for claim in claims}

    changes, refused = store.apply_edits(edits, editor="导入")
    # Rows already applied equal the current decisions: nothing to do, no conflict, no new version.
    assert refused == []
    assert [change.claim.id for change in changes] == [claim.id for claim in claims[4:]]
    assert [store.claim(claim.id).version for claim in claims[:4]] == [versions[c.id] for c in claims[:4]]
    # A row that differs from a decision made since the export is still refused, never applied.
    store.decide(claims[0].id, "rejected", editor="甲", reason="not-a-claim")
    changes, refused = store.apply_edits(edits, editor="导入")
    assert changes == [] and [edit.claim_id for edit, _ in refused] == [claims[0].id]
    assert "changed since the export" in refused[0][1]
    assert store.claim(claims[0].id).status == "rejected"
