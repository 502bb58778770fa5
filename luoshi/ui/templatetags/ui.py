"""The `ui` tag library (`{% load ui %}`): state badges and numbers as Chinese readers expect
them, and the page slots that apps above fill (ui.slots)."""

from django import template
from django.template import Context, Engine
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from luoshi.core.formatting import format_number

from .. import slots
from ..states import STATE_COLOURS, State

register = template.Library()


@register.simple_tag
def state_badge(state: str, missing: bool = False, awaiting: bool = False):
    """The state's coloured badge, with 缺报 beside it when the owed report is missing, or
    待审核 when it is submitted and waits for approval (the unit has done its part)."""
    colour = STATE_COLOURS.get(state, "secondary")
    text_class = "text-dark" if colour in {"warning", "light"} else ""
    badge = format_html(
        '<span class="badge text-bg-{} {}" data-state="{}">{}</span>',
        colour,
        text_class,
        state,
        State(state).label if state in State.values else state,
    )
    if awaiting:
        badge += format_html(
            ' <span class="badge text-bg-info" data-awaiting="1">{}</span>',
            gettext("Awaiting approval"),
        )
    elif missing:
        badge += format_html(
            ' <span class="badge text-bg-dark" data-missing="1">{}</span>',
            gettext("Missing report"),
        )
    return badge


@register.filter
def num(value, unit: str = ""):
    """A number as people write it (core.formatting): 12,000 · 9,500 · 3.5; 420亿 in Chinese.

    `unit` is the unit printed after it (``{{ v|num:t.unit_label }}{{ t.unit_label }}``): a
    unit that already names a magnitude (万元) keeps the number from being folded into 亿.
    """
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return format_number(number, 2, lang=get_language() or "zh", unit=str(unit or ""))


@register.filter
def percent(ratio, digits: int = 1):
    if ratio is None:
        return "—"
    return f"{format_number(ratio * 100, digits)}%"


@register.simple_tag(takes_context=True)
def slot(context: Context, name: str) -> SafeString:
    """The pieces apps above fill into this place of the page (ui.slots), rendered with the
    page's context like an {% include %}; "" when no piece has anything to show.
    ``{% slot "overview.actions" as actions %}`` keeps them in a variable."""
    engine = context.template.engine if context.template else Engine.get_default()
    pieces = SafeString()
    for template_name in slots.filled(name):
        with context.push():
            piece = engine.get_template(template_name).render(context)
        if piece.strip():  # a piece with nothing to show leaves the slot empty (and falsy)
            pieces += piece  # safe + safe: safe
    return pieces
