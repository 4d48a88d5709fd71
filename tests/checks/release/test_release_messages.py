"""Every release-match explanation is worded in Chinese and English, never left as its code."""

from __future__ import annotations

import string

from pairs_score import DATA, pairs
from release_helpers import match_texts

from desktop.checks.model import Message
from desktop.checks.release.messages import TEMPLATES, render


def test_templates_name_the_same_arguments_in_both_languages() -> None:
    for code, (zh, en) in TEMPLATES.items():
        zh_fields = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
        en_fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        # English may word a reason with its own argument (reason_en).
        assert {f.removesuffix("_en") for f in en_fields} == zh_fields, code


def test_every_message_of_the_dev_pairs_renders_in_both_languages() -> None:
    seen: set[str] = set()
    for pair in pairs():
        article = (DATA / f"{pair}.article.txt").read_text(encoding="utf-8")
        release = (DATA / f"{pair}.source.txt").read_text(encoding="utf-8")
        for m in match_texts(article, release):
            seen.add(m.message.code)
            for language in ("zh", "en"):
                worded = render(m.message, language)
                assert worded != m.message.code and "{" not in worded, (m.message, language)
    assert seen >= {
        "release.same",
        "release.same_notation",
        "release.rounded",
        "release.truncated",
        "release.different",
        "release.absent",
        "release.absent_other_metric",
        "release.absent_unsure",
    }


def test_other_checks_codes_fall_back_to_their_own_wording() -> None:
    message = Message("sum.holds", (("parts", "1 + 2"), ("computed", "3")))
    assert render(message) == "1 + 2 = 3 ✓"
    assert render(Message("no.such.code")) == "no.such.code"
