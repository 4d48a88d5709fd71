"""The claim inspector (right pane): one claim, its decision, correction, sources, note and history."""

from desktop.ui.inspector.panel import ClaimInspector

__all__ = ["ClaimInspector"]
