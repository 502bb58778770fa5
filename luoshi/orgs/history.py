"""Reading django-simple-history rows as "who changed what, when"."""

from dataclasses import dataclass
from datetime import datetime


@dataclass
class HistoryEntry:
    when: datetime
    who: object
    action: str
    reason: str
    changes: list[tuple[str, object, object]]


def history_of(obj, limit: int = 50) -> list[HistoryEntry]:
    """The newest `limit` history rows of obj, each with the fields it changed."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                label = record.instance._meta.get_field(change.field).verbose_name
                changes.append((str(label), change.old, change.new))
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                action=record.get_history_type_display(),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
