"""What each exclusion in build.spec saves: `make package-sizes`.

Builds the app once with every exclusion, once with none, and once per
exclusion group with just that group switched off (FACTDESK_SPEC_KEEP),
each into its own folder under build/sizes/, and prints a Markdown table of
unpacked sizes.  A group's saving is (size with that group kept) − (size of
the full build).  The groups overlap a little (two plugin groups can share a
library), so the savings need not add up to the total.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import spec_support  # noqa: E402

ROOT = spec_support.ROOT
OUT = ROOT / "build" / "sizes"


def tree_size(folder: Path) -> int:
    """Bytes of the files under `folder`, like `du -sb` (links counted once, not followed)."""
    total = 0
    for path in folder.rglob("*"):
        total += path.lstat().st_size if path.is_symlink() or path.is_file() else 0
    return total


def build(keep: str) -> tuple[str, int]:
    name = keep or "full"
    target = OUT / name.replace(",", "+")
    shutil.rmtree(target, ignore_errors=True)  # a fresh work folder: no --clean, which also
    env = {**os.environ, "FACTDESK_SPEC_KEEP": keep}  # wipes PyInstaller's shared cache
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
            "--log-level", "ERROR", "--distpath", str(target / "dist"), "--workpath", str(target / "work"),
        ],
        check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return name, tree_size(target / "dist" / spec_support.NAME)


def main() -> int:
    runs = ["", "all", *spec_support.GROUPS]
    sizes = dict(build(keep) for keep in runs)  # one at a time: the builds share PyInstaller's cache
    full, none = sizes["full"], sizes["all"]
    mb = 1_000_000
    print("| exclusion group | unpacked with it switched off | saved |")
    print("| --- | ---: | ---: |")
    for group in spec_support.GROUPS:
        print(f"| {group} | {sizes[group] / mb:.1f} MB | {(sizes[group] - full) / mb:.1f} MB |")
    print(f"| none (PyInstaller's defaults) | {none / mb:.1f} MB | {(none - full) / mb:.1f} MB |")
    print(f"| **all (the shipped build)** | **{full / mb:.1f} MB** | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
