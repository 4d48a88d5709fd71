"""The source release beside the article: its text with every matched figure marked."""

from desktop.ui.release_view.view import ReleaseView

__all__ = ["ReleaseView"]
