"""Entry point of the frozen app (build.spec): the same `main` as `factdesk`.

With no arguments it opens the review window; `FactDesk --self-test` checks
the installation (desktop/selftest.py); every `factdesk` command works too.
"""

from __future__ import annotations

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
