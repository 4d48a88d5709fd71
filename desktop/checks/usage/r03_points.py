"""Rule 3: a difference between two percentages is in 百分点; a relative change is in %.

从60%降至48%，下降了12% is wrong: the rate fell 12 points (下降了12个百分点),
or by 20 % (下降了20%).  Only checked where both percentages are given: the
relation checks recompute the change and say when the stated figure is the
difference given as %, or the relative change given as 百分点.  提高了3个百分点
or 增长了12% with no values given are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag

RULE = 3


def find(text: str, relations: Sequence[Finding] = ()) -> list[Finding]:
    findings = []
    for relation in relations:
        code = relation.message.code
        if code not in ("change.points_as_percent", "change.percent_as_points"):
            continue
        rate = relation.operands[-1]
        number = rate.text.rstrip("%％").replace("个百分点", "").replace("個百分點", "").replace("百分点", "")
        if code == "change.points_as_percent":
            fix, variant = f"{number}个百分点", "points"
        else:
            fix, variant = relation.message.arg("relative").replace(" ", ""), "percent"
        findings.append(
            flag(
                RULE,
                rate.start,
                rate.end,
                rate.text,
                fix,
                variant,
                points=relation.message.arg("points"),
                relative=relation.message.arg("relative").replace(" ", ""),
                **{"from": relation.message.arg("from"), "to": relation.message.arg("to")},
            )
        )
    return findings
