"""Extract the window's strings into resources/i18n/*.ts and build the .qm files.

    .venv/bin/python tools/update_translations.py          # lupdate + lrelease
    .venv/bin/python tools/update_translations.py --check  # fail if a .ts is out of date

pyside6-lupdate keeps every translation already in a .ts file, marks strings
that left the code as obsolete and adds new ones as unfinished; translate
those in Qt Linguist (pyside6-linguist) or any editor, then run this again.
English is the source language, so factdesk_en.ts needs no translations.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "ui").rglob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def lupdate(target: Path, language: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            language,
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    I18N.mkdir(parents=True, exist_ok=True)
    if args.check:
        stale = []
        with tempfile.TemporaryDirectory() as folder:
            for language in LANGUAGES:
                committed = I18N / f"factdesk_{language}.ts"
                fresh = Path(folder) / committed.name
                if committed.exists():
                    shutil.copy(committed, fresh)
                lupdate(fresh, language)
                if not committed.exists() or fresh.read_bytes() != committed.read_bytes():
                    stale.append(committed.name)
        if stale:
            print(f"out of date: {', '.join(stale)}; run tools/update_translations.py", file=sys.stderr)
            return 1
        return 0
    for language in LANGUAGES:
        ts = I18N / f"factdesk_{language}.ts"
        lupdate(ts, language)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )
        print(f"updated {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
