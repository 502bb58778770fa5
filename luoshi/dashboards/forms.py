from django import forms

from luoshi.plans.forms import OverviewFilter as BaseFilter


class OverviewFilter(BaseFilter):
    """The overview's filters: the plan's and the year's on top of the target filters."""

    plan = forms.IntegerField(required=False, min_value=1)
    year = forms.IntegerField(required=False, min_value=1990, max_value=2100)
