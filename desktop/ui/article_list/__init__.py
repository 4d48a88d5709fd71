"""The article list (left pane): articles with their review progress, a filter and the search."""

from desktop.ui.article_list.delegates import DONE_GLYPH, ProgressDelegate, SearchHitRole
from desktop.ui.article_list.model import ArticleIdRole, ArticleListModel, Column, ProgressRole
from desktop.ui.article_list.panel import SEARCH_DELAY_MS, ArticleListPanel

__all__ = [
    "DONE_GLYPH",
    "SEARCH_DELAY_MS",
    "ArticleIdRole",
    "ArticleListModel",
    "ArticleListPanel",
    "Column",
    "ProgressDelegate",
    "ProgressRole",
    "SearchHitRole",
]
