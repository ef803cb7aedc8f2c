"""Text as documents can hold it."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (Word's soft line break, \x0b, arrives in pasted text), which
# make python-docx and openpyxl refuse the whole document.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with a vertical tab or form feed as a line break and other control characters
    dropped."""
    return _NOT_IN_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)
