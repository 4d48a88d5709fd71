"""Why a typed figure is not a number, in the editor's language.

The parser (desktop.claims.numerals) refuses with a NumberError: a stable
`code` (REFUSAL_CODES) and an English `reason` for logs and the command
line.  The window says each code its own way here, naming what was typed,
and never shows the English reason ("not a quantity: 'abc' (no number at
the start)").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.claims.numerals import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, MAX_NUMBER_CHARS, NumberError

__all__ = ["number_code_text", "number_refusal_text"]

# What is quoted back of a long input: a refused "figure" can be a whole line of digits.
_QUOTED = 24


def number_refusal_text(error: NumberError) -> str:
    return number_code_text(error.code, error.text)


def number_code_text(code: str, text: str) -> str:
    """The sentence for a NumberError `code` about `text` (as typed)."""
    shown = text.strip()
    shown = shown if len(shown) <= _QUOTED else shown[:_QUOTED] + "…"
    translate = QCoreApplication.translate
    # Literal translate() calls, so pyside6-lupdate finds every sentence.
    sentences = {
        "empty": translate("NumberRefusals", "No number was typed."),
        "malformed": translate(
            "NumberRefusals",
            "“{text}” is not written the way copy writes a figure (e.g. 13000, 1.3万, 一百二十, 12.5%).",
        ),
        "too_long": translate(
            "NumberRefusals", "“{text}” is too long for a figure: at most {limit} characters."
        ),
        "too_large": translate(
            "NumberRefusals", "“{text}” is too large: a figure has at most {limit} digits before the point."
        ),
        "too_precise": translate(
            "NumberRefusals", "“{text}” has too many decimals: at most {limit} after the point."
        ),
        "scientific_notation": translate(
            "NumberRefusals", "“{text}” is scientific notation; write the number out, e.g. 13000 or 1.3万."
        ),
        "no_number": translate("NumberRefusals", "“{text}” does not start with a number."),
        "unexpected_text": translate(
            "NumberRefusals", "“{text}” has words after the number that do not belong."
        ),
    }
    sentence = sentences.get(code) or translate("NumberRefusals", "“{text}” cannot be read as a number.")
    limits = {
        "too_long": MAX_NUMBER_CHARS,
        "too_large": MAX_INTEGER_DIGITS,
        "too_precise": MAX_FRACTION_DIGITS,
    }
    return sentence.format(text=shown, limit=limits.get(code, ""))
