"""Functions the hostile tests call in a bounded child (harness.call_bounded); each reports by printing JSON."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.ingest.reader import ReadError, read_file


def read(path: str) -> None:
    """read_file(path): {"chars": N} or {"kind": ..., "reason": ...}."""
    try:
        source = read_file(Path(path))
    except ReadError as error:
        print(json.dumps({"kind": error.kind, "reason": error.reason}))
    else:
        print(json.dumps({"chars": len(source.text)}))
