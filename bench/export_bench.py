"""How long a 100,000-claim xlsx export takes next to bare openpyxl, and its peak memory.

    .venv/bin/python -m bench.export_bench [N]

The bar: export_workbook on N rows takes at most 1.2x a bare openpyxl
write-only export of the same N rows x 20 plain values (no styles, no
checks), both timed in the same run; peak memory at most 400 MB.  Each time
is the best of REPEATS runs, alternated so a busy machine slows both alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from desktop.export.cells import excel_number, parse_timestamp
from desktop.export.columns import HEADERS
from desktop.export.labels import KIND_LABELS, REASON_LABELS, STATUS_LABELS
from desktop.export.xlsx import export_workbook
from desktop.store.records import STATUSES, ArticleSummary, ClaimView, ExportRow

REPEATS = 3
ROWS_PER_ARTICLE = 100

_SENTENCES = (
    "全市二级以上公立医院实现65.04%的党支部书记和院长分设，比上年提高12.5个百分点。",
    "2023年全市地区生产总值达到140.05亿元，同比增长5.2%，增速比上年加快1.8个百分点。",
    "截至去年底，全省共有各类学校1.3万所，在校学生约280万人，专任教师逾21万人。",
    "据统计，该市常住人口为1272万人，比上年末增加3.5万人，城镇化率达到76.1%。",
)
_VALUES = (Decimal("65.04"), Decimal("14005000000"), Decimal("13000"), Decimal("2.5"))
_KINDS = ("percent", "money", "count", "change")


def synthetic_rows(n: int) -> list[ExportRow]:
    return list(iter_synthetic_rows(n))


def iter_synthetic_rows(n: int) -> Iterator[ExportRow]:
    """n claims spread over n / ROWS_PER_ARTICLE articles, with every column filled now and then."""
    for i in range(n):
        j = i % 4
        status = STATUSES[i % len(STATUSES)]
        decided = status != "pending"
        claim = ClaimView(
            id=f"{i * 2654435761 % 2**64:016x}",
            article_id=i // ROWS_PER_ARTICLE,
            document_id=i // 1000,
            start=i % 500,
            end=i % 500 + 6,
            source_start=i % 500,
            source_end=i % 500 + 6,
            text=f"{_VALUES[j]}",
            value=_VALUES[j] + i,
            value_low=None,
            unit="%" if j == 0 else "元",
            kind=_KINDS[j],
            approx="",
            subject="公立医院",
            time="2023年",
            place="北京",
            sentence=_SENTENCES[j],
            detector_version="1",
            orphaned=False,
            manual=False,
            status=status,
            reason="wrong-number" if status == "rejected" else "",
            corrected_value=Decimal("13000.5") if status == "corrected" else None,
            corrected_unit="元" if status == "corrected" else "",
            sources=("统计公报", "年鉴") if decided else (),
            # Now and then a note that looks like a formula, to keep the guard honest.
            note=("=1+1 " if i % 100 == 0 else "") + f"第{i}条备注" if i % 3 == 0 else "",
            editor="张三" if decided else "",
            decided_at="2024-03-05T02:03:04+00:00" if decided else "",
            seconds_spent=12.5 if decided else None,
            version=1,
        )
        yield ExportRow(
            claim=claim,
            headline=f"第{i // ROWS_PER_ARTICLE}篇：北京市卫健委通报2023年公立医院改革进展",
            date="2024-03-05",
            file_name=f"page_{i // 1000:03d}.txt",
        )


def synthetic_articles(n: int) -> list[ArticleSummary]:
    count = (n + ROWS_PER_ARTICLE - 1) // ROWS_PER_ARTICLE
    return [
        ArticleSummary(
            id=k,
            document_id=k // 10,
            file_name=f"page_{k // 10:03d}.txt",
            index=k % 10,
            headline=f"第{k}篇：北京市卫健委通报2023年公立医院改革进展",
            byline="",
            date="2024-03-05",
            claims=ROWS_PER_ARTICLE,
            pending=25,
            confirmed=25,
            corrected=25,
            rejected=25,
        )
        for k in range(count)
    ]


def plain_values(rows: Sequence[ExportRow]) -> list[list[object]]:
    """The 20 values of each row as bare Python values, the baseline's input (not timed)."""

    def number(value: Decimal | None) -> int | float | None:
        return None if value is None else excel_number(value)[0]

    out = []
    for row in rows:
        c = row.claim
        values: list[object] = [
            c.id,
            row.headline,
            row.date,
            row.file_name,
            c.sentence,
            c.text,
            number(c.value),
            c.unit,
            KIND_LABELS[c.kind],
            c.subject,
            c.time,
            c.place,
            STATUS_LABELS[c.status],
            number(c.corrected_value),
            c.corrected_unit,
            "、".join(c.sources),
            c.note,
            c.editor,
            parse_timestamp(c.decided_at),
            c.seconds_spent,
            REASON_LABELS.get(c.reason) or c.reason,
        ]
        # Empty cells are left out, as export_workbook does; a formula-looking
        # sentence would become a formula here, which only makes bare faster.
        out.append([None if v == "" else v for v in values])
    return out


def bare_write_only(path: Path, rows: Sequence[Sequence[object]]) -> None:
    """The floor: openpyxl write-only with a header and the values, nothing else."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("核查明细")
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _timed(work: Callable[[], object], times: list[tuple[float, float]]) -> None:
    """Append (wall seconds, CPU seconds): CPU time is the steadier figure on a shared machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    times.append((time.perf_counter() - wall, time.process_time() - cpu))


def peak_memory_mb(n: int) -> dict[str, float]:
    """Peak RSS of fresh processes exporting n rows: from a list, and streamed.

    The list is the worst case (a caller that fetched every row first); the
    stream is what the store's export_rows generator gives, and shows the
    exporter's own footprint.
    """
    repo = Path(__file__).resolve().parents[1]
    result: dict[str, float] = {}
    for mode, make in (("list", "synthetic_rows"), ("stream", "iter_synthetic_rows")):
        script = f"""
import json, resource, tempfile
from pathlib import Path
from bench.export_bench import {make}, synthetic_articles
from desktop.export.xlsx import export_workbook
rows = {make}({n})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with tempfile.TemporaryDirectory() as folder:
    export_workbook(Path(folder) / "out.xlsx", rows, synthetic_articles({n}), total={n})
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"before_mb": before / 1024, "peak_mb": after / 1024}}))
"""
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, check=True
        )
        measured = json.loads(done.stdout)
        result[f"{mode}_before_mb"] = measured["before_mb"]
        result[f"{mode}_peak_mb"] = measured["peak_mb"]
    return result


def run(n: int = 100_000) -> dict[str, float]:
    # First, while this process is small: Linux carries a process's peak RSS
    # across fork and exec, so children started later would report ours.
    memory = peak_memory_mb(n)
    rows = synthetic_rows(n)
    articles = synthetic_articles(n)
    plain = plain_values(rows)
    bare: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for _ in range(REPEATS):
            _timed(lambda: bare_write_only(out / "bare.xlsx", plain), bare)
            _timed(
                lambda: export_workbook(
                    out / "ours.xlsx", rows, articles, editor="张三", made_at=datetime(2024, 3, 5)
                ),
                ours,
            )
        size_mb = (out / "ours.xlsx").stat().st_size / 1e6
    bare_wall, bare_cpu = min(t[0] for t in bare), min(t[1] for t in bare)
    ours_wall, ours_cpu = min(t[0] for t in ours), min(t[1] for t in ours)
    return {
        "rows": n,
        "bare_s": bare_wall,
        "ours_s": ours_wall,
        "ratio": ours_wall / bare_wall,
        "bare_cpu_s": bare_cpu,
        "ours_cpu_s": ours_cpu,
        "cpu_ratio": ours_cpu / bare_cpu,
        "file_mb": size_mb,
        **memory,
    }


def main(argv: Sequence[str]) -> int:
    n = int(argv[0]) if argv else 100_000
    result = run(n)
    print(
        f"export   {result['rows']:,} rows: bare openpyxl {result['bare_s']:.2f} s, "
        f"export_workbook {result['ours_s']:.2f} s, ratio {result['ratio']:.3f} (bar 1.2; "
        f"CPU {result['bare_cpu_s']:.2f} s vs {result['ours_cpu_s']:.2f} s, ratio {result['cpu_ratio']:.3f}); "
        f"{result['file_mb']:.1f} MB file"
    )
    print(
        f"memory   peak {result['stream_peak_mb']:.0f} MB with rows streamed; "
        f"{result['list_peak_mb']:.0f} MB with all rows in a list first "
        f"({result['list_before_mb']:.0f} MB of it the list) (bar 400)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
