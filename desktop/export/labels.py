"""The Chinese words the workbook shows for claim kinds and decision statuses.

The store keeps English codes (`desktop.store.records.STATUSES`,
`desktop.claims.model.KINDS`); editors read and type the Chinese labels.  Both
directions live here so the writer, the drop-down list and the reader can
never disagree.
"""

from __future__ import annotations

from types import MappingProxyType

from desktop.store.records import FINDING_STATUS_LABELS_ZH, REASON_LABELS_ZH, STATUS_LABELS_ZH
from desktop.store.releases import MATCH_LABELS_ZH

KIND_LABELS = MappingProxyType(
    {
        "count": "数量",
        "money": "金额",
        "percent": "比例",
        "change": "变化",
        "rank": "排名",
        "duration": "时长",
        "measure": "度量",
    }
)

STATUS_LABELS = MappingProxyType(dict(STATUS_LABELS_ZH))

# The checks (desktop.checks): what each kind is called, the three verdicts,
# and what editors did about a finding.
CHECK_LABELS = MappingProxyType(
    {
        "sum": "加总",
        "change": "增减",
        "share": "占比",
        "average": "平均",
        "usage": "数字用法",
        "repeat": "重复与矛盾",
        # Release discrepancies (desktop.store.releases.as_finding) share the sheet.
        "release": "来源稿比对",
    }
)
# How the release states a figure: the 比对 column and the 结论 of a 来源稿比对 row.
MATCH_LABELS = MappingProxyType(dict(MATCH_LABELS_ZH))
VERDICT_LABELS = MappingProxyType({True: "成立", False: "不成立", None: "无法核算"})
FINDING_STATUS_LABELS = MappingProxyType(dict(FINDING_STATUS_LABELS_ZH))

REASON_LABELS = MappingProxyType(dict(REASON_LABELS_ZH))

# The reverse lookup the store uses when an edited workbook comes back.
STATUS_BY_LABEL = MappingProxyType({label: status for status, label in STATUS_LABELS.items()})


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)
