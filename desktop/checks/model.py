"""The records the checks produce: a Finding, its operands and its message.

One record serves both kinds of check, because the editor meets them in the
same place (the inspector's 核对 section, the command line, the workbook): a
relation (sum, change, share, average) carries operands, a computed value and
a reading; a usage flag carries a rule number, a span and a suggested fix.

Offsets are those of the article's display text (like `Claim.start`); the
document layer (`checks.document`) adds the offsets in the decoded file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

RELATION_KINDS = ("sum", "change", "share", "average")
# "repeat": the same metric stated twice (desktop.checks.repeats), equal or in conflict.
CHECK_KINDS = (*RELATION_KINDS, "usage", "repeat")

# Operand roles, as the relation gold names them: part/total (sum, share),
# from/to/rate (change; rate is the stated change whatever its unit),
# numerator/denominator/rate (average), first/second (repeat: the earlier and the later statement).
ROLES = ("part", "total", "from", "to", "rate", "numerator", "denominator", "first", "second")


@dataclass(frozen=True)
class Message:
    """A message as a code and its arguments, worded by `checks.messages`.

    Kept apart from any wording so that the window can show it in English or
    Chinese and a test can compare codes instead of sentences.
    """

    code: str
    args: tuple[tuple[str, str], ...] = ()

    def arg(self, name: str) -> str:
        return dict(self.args).get(name, "")


@dataclass(frozen=True)
class Operand:
    """One figure a relation uses: usually a claim, sometimes a bare figure.

    `claim_id` is empty when the figure is not a claim of its own (a tally
    in quotes such as “8+16”, a day count that a period implies).
    """

    role: str
    text: str
    start: int
    end: int
    claim_id: str = ""
    value: str = ""  # the value used in the arithmetic, as a plain decimal
    # The document the figure is in when it is not the finding's own (a repeat across articles or files).
    document: str = ""


@dataclass(frozen=True)
class Finding:
    """One relation the article states, or one breach of a usage rule.

    `holds` is True or False for a relation that could be recomputed, None
    when one of its figures is never given; a usage flag is always False
    (the rule is broken).  `start`/`end` is the span to highlight: for a
    relation, the stated figure (the one that is right or wrong); for a usage
    flag, the offending text.
    """

    check: str  # one of CHECK_KINDS
    holds: bool | None
    start: int
    end: int
    message: Message
    operands: tuple[Operand, ...] = ()
    computed: str = ""  # what the arithmetic gives, e.g. "-51.236%"
    reading: str = ""  # how the text was read: strict/loose/both (倍), mean/pooled, complement, ...
    rule: int = 0  # usage rule number (1-13); 0 for relations
    fix: str = ""  # suggested replacement for the span (usage)
    claim_ids: tuple[str, ...] = field(default=())  # every claim involved, for the inspector

    @property
    def is_flag(self) -> bool:
        """Whether the editor should look at it: a failing relation or any usage breach."""
        return self.holds is False

    @property
    def key(self) -> str:
        """What identifies this finding across re-runs of the checks.

        Built from what the finding is about (its kind, rule, message code and
        the figures as written), never from offsets or claim ids (which hang
        on the file's content), so a finding the editor dismissed is
        recognised after an edit elsewhere in the file or a re-detection, and
        is new again when the text of one of its figures changes.  The store
        keeps it next to the claim the finding is shown on.
        """
        figures = "|".join(o.text for o in self.operands) or self.message.arg("text")
        key = "\x1f".join((self.check, str(self.rule), self.message.code, figures))
        digest = hashlib.blake2b(key.encode(), digest_size=8)
        return digest.hexdigest()
