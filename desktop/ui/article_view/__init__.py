"""The article view (centre pane): the article's text with every claim highlighted by status."""

from desktop.ui.article_view.view import ArticleView

__all__ = ["ArticleView"]
