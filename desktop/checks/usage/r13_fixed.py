"""Rule 13: fixed expressions keep their Chinese numerals.

星期2 and 5四运动 put Arabic digits into words that are written with Chinese
numerals: 星期二, 五四运动, 十四五 (the five-year plan), 一带一路, 十八届三中全会,
党的二十大.  Figures that merely stand next to such words are not touched.
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import chinese_count, flag, scan

RULE = 13

_D = r"[0-9０-９]"
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")
# Each pattern: a fixed expression with at least one Arabic digit in it.
_FIXED = re.compile(
    "|".join(
        (
            rf"(?:星期|礼拜|禮拜){_D}(?!{_D}|[天日号號个個次])",
            rf"{_D}四运动|{_D}四運動|五{_D}运动",
            rf"(?:{_D}{{1,2}}|十{_D})五(?=”?(?:规划|規劃|时期|時期|期间|期間|计划|計劃))",
            rf"{_D}{{1,2}}届(?:{_D}|[一二三四五六七八九十])中全会|[一二三四五六七八九十]+届{_D}中全会",
            rf"党的{_D}{{1,2}}大|(?<![0-9０-９]){_D}{{2}}大(?=报告|報告|精神|代表|以来|以來|召开|召開|胜利|勝利|期间|期間|会议|會議)",
            rf"{_D}带{_D}路",
            rf"{_D}国{_D}制",
            rf"第{_D}世界",
        )
    )
)

# Every fixed expression above holds an Arabic digit against one of these characters.
_TRIGGER = re.compile(
    r"[0-9０-９](?:五|四运|四運|大|带|帶|国|國|届|屆|中全)|(?:星期|礼拜|禮拜)[0-9０-９]|第[0-9０-９]世界|五[0-9０-９]运"
)


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_FIXED, text, _TRIGGER):
        written = match.group()
        fix = re.sub(r"[0-9０-９]{1,2}", lambda m: chinese_count(int(m.group().translate(_FOLD))), written)
        if written.startswith(("星期", "礼拜", "禮拜")) and fix.endswith("七"):
            fix = fix[:-1] + "日"
        findings.append(flag(RULE, match.start(), match.end(), written, fix))
    return findings
