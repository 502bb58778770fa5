from django import forms

from luoshi.plans.forms import OverviewFilter as BaseFilter


class OverviewFilter(BaseFilter):
    """The overview's filters: the plan's and the year's on top of the target filters."""

    # Ids within what the databases hold: a larger number is no match, not an overflow.
    plan = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    unit = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    task = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    year = forms.IntegerField(required=False, min_value=1990, max_value=2100)


def _sorts() -> list[tuple[str, str]]:
    from .cockpit import SCORECARD_SORTS

    return [(key, key) for key in SCORECARD_SORTS] + [(f"-{key}", key) for key in SCORECARD_SORTS]


class CockpitFilter(forms.Form):
    """The cockpit's choices: a plan, a unit (its subtree), the scorecard's order."""

    plan = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    unit = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    sort = forms.ChoiceField(required=False, choices=_sorts)
