"""A workbook names the review database it came from, and keeps saying so after a spreadsheet saves it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from export_factories import make_row

from desktop.export import WorkbookError, export_workbook, read_workbook
from desktop.export.columns import DETAIL_SHEET, HEADERS

DATABASE_ID = "5f0c2a9e-3b1d-4c47-9a7e-2d81f6b0c4aa"
LONG_NOTE = "核实：" + "与统计公报一致。" * 12_000


def exported(tmp_path: Path, database_id: str | None = DATABASE_ID) -> Path:
    path = tmp_path / "review.xlsx"
    rows = [make_row(0, note=LONG_NOTE, status="confirmed"), make_row(1, note="短")]
    export_workbook(path, rows, [], database_id=database_id)
    return path


def without_part(path: Path, name: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist() if info.filename != name}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def test_the_id_is_a_property_and_a_labelled_cell_and_reads_back(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    assert [(p.name, p.value) for p in workbook.custom_doc_props] == [("FactDeskDatabaseId", DATABASE_ID)]
    notes = {row[0]: row[1] for row in workbook["说明"].iter_rows(values_only=True) if row and row[0]}
    assert notes["数据库编号"] == DATABASE_ID
    read = read_workbook(path)
    assert read.database_id == DATABASE_ID and read.problems == [] and len(read.edits) == 2


def test_either_copy_of_the_id_is_enough(tmp_path: Path) -> None:
    path = exported(tmp_path)
    without_part(path, "docProps/custom.xml")
    assert read_workbook(path).database_id == DATABASE_ID
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    del workbook["说明"]
    workbook.save(path)
    assert read_workbook(path).database_id == DATABASE_ID


def test_a_workbook_without_an_id_is_read_as_an_older_export(tmp_path: Path) -> None:
    read = read_workbook(exported(tmp_path, database_id=None))
    assert read.database_id is None and len(read.edits) == 2


def test_two_different_ids_refuse_the_workbook(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["说明"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "数据库编号")
    row[1].value = "0b7c6a5d-other-database"
    workbook.save(path)
    with pytest.raises(WorkbookError, match="names two review databases"):
        read_workbook(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_id_and_long_texts_survive_a_libreoffice_save(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].cell(3, HEADERS.index("状态") + 1, "已驳回")
    workbook.save(path)
    saved = tmp_path / "saved"
    run = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(saved),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0 and (saved / "review.xlsx").exists(), run.stderr
    read = read_workbook(saved / "review.xlsx")
    assert read.database_id == DATABASE_ID
    assert read.problems == []
    assert [edit.note for edit in read.edits] == [LONG_NOTE, "短"]
    assert read.edits[1].status == "已驳回"
