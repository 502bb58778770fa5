"""The forms of the bulletin pages: every POST goes through one of these."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.clock import EARLIEST, LATEST, today
from luoshi.plans.choices import PlanStatus
from luoshi.plans.models import Plan

from .models import SECTIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SECTION_LABELS = {
    "overview": _("Overall situation (总体情况)"),
    "ranking": _("Ranking (排名)"),
    "behind": _("Targets behind (滞后)"),
    "missing": _("Missing reports (缺报)"),
    "requirements": _("Requirements (工作要求)"),
}


def last_month_end():
    return today().replace(day=1) - timedelta(days=1)


class Styled:
    """Bootstrap classes on every widget, so templates render fields plainly."""

    def style(self):
        for field in self.fields.values():
            if not isinstance(field.widget, forms.HiddenInput):
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)


def _in_window(field: forms.DateField) -> forms.DateField:
    field.widget.attrs.update(min=EARLIEST.isoformat(), max=LATEST.isoformat())
    return field


class DraftForm(Styled, forms.Form):
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(
        label=_("Plan"), queryset=Plan.objects.none(), empty_label=None
    )
    at = _in_window(
        forms.DateField(
            label=_("Figures as of"),
            widget=DATE,
            help_text=_("Usually the last day of the month the bulletin reports on."),
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the supervision office drafts, and it sees every plan (orgs.access).
        self.fields["plan"].queryset = Plan.objects.filter(status=PlanStatus.CONFIRMED)
        self.fields["at"].initial = last_month_end()
        self.style()

    def clean_at(self):
        at = self.cleaned_data["at"]
        if not EARLIEST <= at <= LATEST:
            raise forms.ValidationError(_("Choose a date within the plans' years."))
        return at


class EditForm(Styled, forms.Form):
    """The whole text of a draft in one form, with the revision it was read at."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    title = forms.CharField(label=_("Title"), max_length=200)
    office = forms.CharField(label=_("Issuing office"), max_length=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in SECTIONS:
            self.fields[key] = forms.CharField(
                label=SECTION_LABELS[key],
                widget=forms.Textarea(attrs={"rows": 6}),
                max_length=20000,
                required=key == "requirements",
                help_text=_("One paragraph a line."),
            )
        self.style()

    @classmethod
    def for_bulletin(cls, bulletin, data=None):
        initial = {
            "revision": bulletin.revision,
            "title": bulletin.title,
            "office": bulletin.office,
            **{key: bulletin.sections.get(key, "") for key in SECTIONS},
        }
        return cls(data, initial=initial)


class IssueForm(Styled, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    issued_on = _in_window(forms.DateField(label=_("Date of issue"), widget=DATE, required=False))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].initial = today()
        self.style()

    def clean_issued_on(self):
        issued_on = self.cleaned_data["issued_on"]
        if issued_on is not None and not EARLIEST <= issued_on <= LATEST:
            raise forms.ValidationError(_("Choose a date within the plans' years."))
        return issued_on
