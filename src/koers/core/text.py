"""Text as the database and documents can hold it."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (Word's soft line break, \x0b, arrives in pasted text), which
# make python-docx and openpyxl refuse the whole document.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# What a text field refuses at input: the characters XML forbids (NUL among them, which
# PostgreSQL cannot store at all) and lone surrogates, which are not UTF-8. Tab, line feed
# and carriage return are ordinary text.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with a vertical tab or form feed as a line break and other control characters
    dropped."""
    return _NOT_IN_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)


def first_unstorable(text: str) -> tuple[int, str] | None:
    """(position counted from 1, code point as U+XXXX) of the first character in `text`
    that cannot be stored, or None when there is none."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    return found.start() + 1, f"U+{ord(found.group()):04X}"
