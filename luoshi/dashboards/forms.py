from django import forms

from luoshi.formtools import IdsField
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


class PublicationForm(forms.Form):
    """What of a plan the public page shows: the whole plan, and these of its targets
    (ids of other plans' targets, or no ids at all, are left out by the view)."""

    whole = forms.BooleanField(required=False)
    target = IdsField()
    shown = IdsField()  # the targets of the page posted: the only ones that change
