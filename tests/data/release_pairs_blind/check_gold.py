#!/usr/bin/env python3
"""Check pairs.gold.jsonl of a release-pair folder against its texts.

Usage: check_gold.py [FOLDER]   (default: this file's folder)

Same checks as the development set's checker, for any folder: every line has
the shared keys and a known `match`; each context is whitespace-free, occurs
exactly once in its whitespace-free file and holds its figure exactly once;
absent rows name no source figure, all other rows do. Also: no two rows point
at the same article figure, and the counts per pair and label are printed.
Exit status 1 on any failure.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

MATCHES = {"same", "rounded", "different", "absent"}
KEYS = {"pair", "article_text", "article_context", "source_text", "source_context", "match", "note"}


def flat(path: Path) -> str:
    return re.sub(r"\s+", "", path.read_text(encoding="utf-8"))


def main(folder: Path) -> int:
    errors: list[str] = []
    texts: dict[str, str] = {}
    seen: set[tuple[str, int]] = set()
    counts: Counter[tuple[str, str]] = Counter()
    lines = (folder / "pairs.gold.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        row = json.loads(line)
        where = f"line {n} ({row.get('pair')} {row.get('article_text')!r})"
        if set(row) != KEYS:
            errors.append(f"{where}: keys {sorted(row)}")
            continue
        if row["match"] not in MATCHES:
            errors.append(f"{where}: match {row['match']!r}")
        counts[(row["pair"], row["match"])] += 1
        for side in ("article", "source"):
            fig, ctx = row[f"{side}_text"], row[f"{side}_context"]
            if side == "source" and row["match"] == "absent":
                if fig is not None or ctx is not None:
                    errors.append(f"{where}: absent row has a source figure")
                continue
            if not fig or not ctx:
                errors.append(f"{where}: {side} figure/context missing")
                continue
            if re.search(r"\s", fig + ctx):
                errors.append(f"{where}: {side} figure/context has whitespace")
            name = f"{row['pair']}.{side}.txt"
            if name not in texts:
                if not (folder / name).exists():
                    errors.append(f"{where}: no file {name}")
                    continue
                texts[name] = flat(folder / name)
            count = texts[name].count(ctx)
            if count != 1:
                errors.append(f"{where}: {side} context {ctx!r} occurs {count} times")
                continue
            if ctx.count(fig) != 1:
                errors.append(f"{where}: {side} context {ctx!r} holds {fig!r} {ctx.count(fig)} times")
                continue
            if side == "article":
                at = texts[name].find(ctx) + ctx.find(fig)
                if (name, at) in seen:
                    errors.append(f"{where}: article figure listed twice")
                seen.add((name, at))
    for e in errors:
        print(e)
    for pair in sorted({p for p, _ in counts}):
        print(pair, ", ".join(f"{m} {counts[(pair, m)]}" for m in sorted(MATCHES) if counts[(pair, m)]))
    total = Counter(m for (_, m), c in counts.items() for _ in range(c))
    print("total", ", ".join(f"{m} {total[m]}" for m in sorted(total)))
    print(f"{len(lines)} rows, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent))
