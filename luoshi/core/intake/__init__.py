"""Intake: from a published document to draft targets and statistics (DESIGN.md §5).

Plain Python, no Django:

    from luoshi.core.intake import read_document, extract
    result = extract(read_document("plan.docx"), year=2025)
    result.text    # the repaired text that offsets refer to
    result.items   # list of dicts (kind, target_kind, owner, metric, …)
"""

from .errors import IntakeError
from .extract import Extraction, extract
from .readers import read_document

__all__ = ["IntakeError", "Extraction", "extract", "read_document"]
