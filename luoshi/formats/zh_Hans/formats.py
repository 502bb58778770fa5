"""Dates in forms are ISO first in this language too (see luoshi/formats/__init__.py)."""

from luoshi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS"]
