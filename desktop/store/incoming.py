"""A file on its way in: read, checked against what is stored, prepared; or the report of why not."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlite_utils import Database

from desktop import pipeline
from desktop.ingest.model import SourceText
from desktop.ingest.reader import ReadError, display_path, read_file
from desktop.store.prepared import PreparedDocument, prepare
from desktop.store.records import DETECTION_FAILED, FileRefusal, ImportReport
from desktop.store.writing import is_imported

_log = logging.getLogger(__name__)
_DETECTION_FAILED = (
    "FactDesk could not find the claims in this file (an internal error, logged); nothing was imported"
)


def read_source(db: Database, path: Path) -> SourceText | ImportReport:
    """A file's text, or the report of a file refused or already imported."""
    try:
        source = read_file(path)
    except ReadError as error:
        return ImportReport(refused=(FileRefusal(path, error.reason, error.kind),))
    if is_imported(db, pipeline.content_hash(source.text)):
        return ImportReport(duplicates=(source.path,))
    return source


def prepare_or_refuse(source: SourceText) -> PreparedDocument | ImportReport:
    try:
        return prepare(source)
    except Exception:  # a pipeline bug on one odd file must not stop an import
        _log.exception("detection failed on %s", display_path(source.path))
        return ImportReport(refused=(FileRefusal(source.path, _DETECTION_FAILED, DETECTION_FAILED),))


def prepared_here(db: Database, path: Path) -> PreparedDocument | ImportReport:
    source = read_source(db, path)
    return source if isinstance(source, ImportReport) else prepare_or_refuse(source)
