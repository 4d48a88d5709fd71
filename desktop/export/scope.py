"""What part of the review an export holds: some statuses, kinds, articles, or everything.

The window's export dialog and the command line both narrow an export this
way; the 说明 sheet names the scope (筛选条件) in the workbook's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.export.labels import KIND_LABELS, STATUS_LABELS


@dataclass(frozen=True)
class ExportScope:
    """Claims of any of `statuses` and any of `kinds`, in `article_ids`; an empty field leaves that filter off."""

    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()
    # The headlines of `article_ids`, in the same order, to name them on the 说明 sheet.
    headlines: tuple[str, ...] = ()

    @property
    def is_everything(self) -> bool:
        return not (self.statuses or self.kinds or self.article_ids)

    def description(self) -> str:
        """The scope in the workbook's words: 文章: 《…》；状态: 已更正；类型: 金额, or 全部."""
        parts = []
        if self.article_ids:
            names = [
                f"《{h}》" if h else f"ID {i}"
                for i, h in zip(self.article_ids, self._headlines(), strict=True)
            ]
            parts.append("文章: " + "、".join(names))
        if self.statuses:
            parts.append("状态: " + "、".join(STATUS_LABELS.get(s, s) for s in self.statuses))
        if self.kinds:
            parts.append("类型: " + "、".join(KIND_LABELS.get(k, k) for k in self.kinds))
        return "；".join(parts) or "全部"

    def _headlines(self) -> tuple[str, ...]:
        missing = len(self.article_ids) - len(self.headlines)
        return self.headlines[: len(self.article_ids)] + ("",) * max(missing, 0)
