"""File → Export to Excel…: which claims go into the workbook, before the file is chosen.

Two choices, as the command line's --article and --status (and the store's
kinds) allow: every article or the one shown; every claim or those the
claim list shows (its status and kind filter).  Both default to everything,
so Ctrl+E and Enter export the whole review as before.  The dialog counts
what each choice would export as the editor changes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.export.scope import ExportScope
from desktop.ui.wording import kind_label, status_label


class ExportScopeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        article: tuple[int, str] | None,
        claim_filter: tuple[str, str],
        count: Callable[[ExportScope], int],
    ) -> None:
        """`article` is the one shown (id, headline); `claim_filter` the claim list's (status, kind), "" for all."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export to Excel"))
        self._article = article
        self._status, self._kind = claim_filter
        self._count = count

        articles = QGroupBox(self.tr("Articles"), self)
        self.all_articles = QRadioButton(self.tr("&All articles"), articles)
        self.this_article = QRadioButton(articles)
        if article is not None:
            self.this_article.setText(
                self.tr("&This article: {headline}").format(headline=_short(article[1]))
            )
            self.this_article.setToolTip(article[1])
        else:
            self.this_article.setText(self.tr("&This article (none is open)"))
            self.this_article.setEnabled(False)
        claims = QGroupBox(self.tr("Claims"), self)
        self.all_claims = QRadioButton(self.tr("A&ll claims"), claims)
        self.filtered_claims = QRadioButton(claims)
        described = self._filter_text()
        if described:
            self.filtered_claims.setText(
                self.tr("As the claim list &filters them: {filter}").format(filter=described)
            )
        else:
            self.filtered_claims.setText(self.tr("As the claim list &filters them (no filter is set)"))
            self.filtered_claims.setEnabled(False)
        for group, (everything, narrowed) in (
            (articles, (self.all_articles, self.this_article)),
            (claims, (self.all_claims, self.filtered_claims)),
        ):
            # One group per box: the arrow keys move within it, as in any dialog.
            choice = QButtonGroup(group)
            box = QVBoxLayout(group)
            for button in (everything, narrowed):
                choice.addButton(button)
                box.addWidget(button)
            everything.setChecked(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.choose_button = buttons.addButton(
            self.tr("Choose file…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.choose_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(articles)
        layout.addWidget(claims)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        for button in (self.all_articles, self.this_article, self.all_claims, self.filtered_claims):
            button.toggled.connect(self._show_count)
        self._show_count()

    def scope(self) -> ExportScope:
        """The claims chosen."""
        article = self._article if self.this_article.isChecked() and self._article is not None else None
        filtered = self.filtered_claims.isChecked()
        return ExportScope(
            statuses=(self._status,) if filtered and self._status else (),
            kinds=(self._kind,) if filtered and self._kind else (),
            article_ids=(article[0],) if article is not None else (),
            headlines=(article[1],) if article is not None else (),
        )

    def _filter_text(self) -> str:
        parts = []
        if self._status:
            parts.append(self.tr("status {status}").format(status=status_label(self._status)))
        if self._kind:
            parts.append(self.tr("kind {kind}").format(kind=kind_label(self._kind)))
        return self.tr(", ").join(parts)

    def _show_count(self, *_args: object) -> None:
        count = self._count(self.scope())
        self.count_label.setText(self.tr("%n claim(s) will be exported.", "", count))
        self.choose_button.setEnabled(count > 0)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
