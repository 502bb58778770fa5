"""Template helpers: state badges and numbers as Chinese readers expect them."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from luoshi.plans.choices import STATE_COLOURS, State

register = template.Library()


@register.simple_tag
def state_badge(state: str, missing: bool = False):
    """The state's coloured badge, with the 缺报 flag beside it when a report is missing."""
    colour = STATE_COLOURS.get(state, "secondary")
    text_class = "text-dark" if colour in {"warning", "light"} else ""
    badge = format_html(
        '<span class="badge text-bg-{} {}" data-state="{}">{}</span>',
        colour,
        text_class,
        state,
        State(state).label if state in State.values else state,
    )
    if missing:
        from django.utils.translation import gettext

        badge += format_html(
            ' <span class="badge text-bg-dark" data-missing="1">{}</span>',
            gettext("Missing report"),
        )
    return badge


@register.filter
def num(value, digits: int = 2):
    """1234567 → 123.46万 in Chinese, 1,234,567 in English; trailing zeros dropped."""
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    chinese = (get_language() or "zh").startswith("zh")
    if chinese and abs(number) >= 1e8:
        return f"{_trim(number / 1e8, digits)}亿"
    if chinese and abs(number) >= 1e5:
        return f"{_trim(number / 1e4, digits)}万"
    if not chinese and abs(number) >= 1e4:
        return f"{number:,.{digits}f}".rstrip("0").rstrip(".")
    return _trim(number, digits)


def _trim(number: float, digits: int) -> str:
    return f"{number:.{digits}f}".rstrip("0").rstrip(".")


@register.filter
def percent(ratio, digits: int = 1):
    if ratio is None:
        return "—"
    return f"{_trim(ratio * 100, digits)}%"
