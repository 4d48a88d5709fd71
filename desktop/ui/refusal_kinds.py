"""Why a change from the window was refused: the second argument of ReviewSession.refused.

The window treats each differently (a stale claim is reloaded, an unavailable
database is only reported, nothing to record a decision under asks for a name).
"""

STALE = "stale"  # another window saved the claim first; it has been reloaded
INVALID = "invalid"  # the store will not take the change as given
UNAVAILABLE = "unavailable"  # the database cannot be written just now; nothing changed
GONE = "gone"  # the claim or its article is no longer there (re-detected elsewhere)
NO_EDITOR = "editor"  # nobody to record the decision under
