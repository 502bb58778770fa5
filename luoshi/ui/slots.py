"""Page slots: a place in a lower app's page where an app above adds its piece.

The unit page (dashboards) shows how often the unit was chased, the overview offers 催报
and the layout (luoshi/templates/base.html) draws the bell; all three are notices', an app
above them. The lower template only says where: ``{% slot "unit.facts" %}``. The higher
app says what, once, when it starts (its AppConfig.ready)::

    slots.fill("unit.facts", "notices/unit_reminders.html")

and ``{% slot %}`` renders each template filled in, with the page's context, in the order
they were filled; a slot nobody filled renders nothing. So the dependency points down, as
imports do, and a page works without the app above it.

Why not a context processor: it runs on every page for every person, and the page would
not say where its piece goes. Why not a signal: a slot is one dict, and grepping a slot's
name finds both ends.
"""

from __future__ import annotations

_FILLED: dict[str, list[str]] = {}


def fill(slot: str, template_name: str) -> None:
    """Draw `template_name` where pages say ``{% slot slot %}`` (once, however often called)."""
    names = _FILLED.setdefault(slot, [])
    if template_name not in names:
        names.append(template_name)


def filled(slot: str) -> tuple[str, ...]:
    """The templates filled into `slot`, in order."""
    return tuple(_FILLED.get(slot, ()))


def slots() -> dict[str, tuple[str, ...]]:
    """Every filled slot and its templates (tests check each is drawn by some page)."""
    return {slot: tuple(names) for slot, names in _FILLED.items()}
