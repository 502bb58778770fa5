from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.clock import EARLIEST, LATEST, check_in_window

from .forms_edit import DATE, StyledForm
from .models import Plan, Target


def _in_window(day: date) -> None:
    check_in_window(day)


class RulesForm(StyledForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=200, required=False)

    class Meta:
        model = Plan
        fields = [
            "lagging_below",
            "behind_below",
            "growth_tolerance_pp",
            "level_tolerance",
            "milestone_grace_days",
            "four_eyes",
        ]
        widgets = {"four_eyes": forms.CheckboxInput(attrs={"class": "form-check-input"})}


class TargetForm(StyledForm):
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=300,
        required=False,
        help_text=_("Required when a confirmed target's value or dates change (a re-baseline)."),
    )

    class Meta:
        model = Target
        fields = [
            "name",
            "comparator",
            "value",
            "unit_label",
            "start",
            "end",
            "cadence",
            "due_day",
            "baseline",
        ]
        widgets = {"start": DATE, "end": DATE}


class OverviewFilter(forms.Form):
    # Views read `at` with luoshi.clock.parse_at (a 400 outside the window); the field
    # checks the same window, so that a view that only reads the form never judges 0001-01-01.
    at = forms.DateField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "min": EARLIEST.isoformat(), "max": LATEST.isoformat()}
        ),
        validators=[_in_window],
    )
    unit = forms.IntegerField(required=False)
    state = forms.CharField(required=False)
    kind = forms.CharField(required=False)
    task = forms.IntegerField(required=False)
    sort = forms.CharField(required=False)
