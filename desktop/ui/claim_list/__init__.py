"""The claim list (under the article): the open article's claims, filtered by status and kind, sortable."""

from desktop.ui.claim_list.model import ClaimFilterProxy, ClaimIdRole, ClaimListModel, Column, SortRole
from desktop.ui.claim_list.panel import ClaimListPanel

__all__ = ["ClaimFilterProxy", "ClaimIdRole", "ClaimListModel", "ClaimListPanel", "Column", "SortRole"]
