"""Every message reads in both languages from the same arguments."""

from __future__ import annotations

import string

from desktop.checks.messages import TEMPLATES, render
from desktop.checks.model import Message


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_use_the_same_arguments() -> None:
    for code, (zh, en) in TEMPLATES.items():
        assert _fields(zh) <= _fields(en) | {"actual"}, code
        assert _fields(en) - {"actual_en"} <= _fields(zh), code


def test_render() -> None:
    message = Message("sum.holds", (("computed", "8325"), ("parts", "7530 + 795")))
    assert render(message) == "7530 + 795 = 8325 ✓"
    assert render(Message("no.such.code")) == "no.such.code"
    assert render(Message("sum.fails", (("parts", "1"),))) == "sum.fails"
