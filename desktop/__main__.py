"""`python -m desktop` runs the same entry point as the `factdesk` command."""

from __future__ import annotations

import sys

from desktop.cli import main

sys.exit(main())
