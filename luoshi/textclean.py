"""Text as it is stored: line breaks and tabs kept, every other control character dropped.

Control characters arrive by paste (Word's manual line break is \\x0b, a form
feed \\x0c between pages, an escape \\x1b from a terminal) and by hostile
hands (NUL, which PostgreSQL refuses in text). None means anything in a note
or a description, and XML 1.0 (every .xlsx and .docx) cannot hold them: one
such character in one row made the ledger export fail for everyone. So text
is cleaned on the way in (forms, the API, imports: `clean_text`) and, for rows
stored before that, on the way out (`xml_safe`, in the workbook writers).

Plain Python, no Django: luoshi.core and the apps use it alike.
"""

from __future__ import annotations

import re

# C0 controls but \t and \n, DEL, the C1 controls (U+0080–U+009F, from text decoded as
# Latin-1 by mistake), and lone surrogates (which no UTF-8 database can store).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# What XML 1.0 cannot hold at all (the Char production): the C0 controls but \t \n \r,
# lone surrogates, and U+FFFE/U+FFFF. openpyxl refuses the first with IllegalCharacterError.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """`value` with \\r\\n and lone \\r as \\n, and the other control characters but \\t
    dropped. Strings only; other values pass through unchanged."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value)


def clean_data(value):
    """`clean_text` applied to every string inside lists and dicts (parsed JSON), keys too."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    return value


def xml_safe(value: str) -> str:
    """`value` without the characters an XML document (an .xlsx, a .docx) cannot hold."""
    return _NOT_XML.sub("", value)
