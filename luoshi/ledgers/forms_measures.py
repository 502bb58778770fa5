"""The form that binds a target to a ledger measure: a few fields, never raw JSON.

`MeasureForm` holds the ledger, the aggregate and the summed field; two
`FilterForm`s (prefixes "num" and "den") hold the filter and, for a ratio, the
denominator's filter. Each turns into the JSON filter of ledgers/measures.py
and back.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.orgs.access import choosable_units
from luoshi.orgs.models import Unit

from .choices import HazardDomain, HazardLevel, HazardStatus, PlaceKind, Stage
from .measures import HAZARDS, OPEN, OPEN_ONLY, PROJECTS
from .models import MeasureAggregate, MeasureSource

BLANK = [("", "—")]
SUM_FIELD_CHOICES = [
    ("", "—"),
    ("planned_amount", _("Projects: planned investment (万元)")),
    ("paid_in_amount", _("Projects: paid-in investment (万元)")),
    ("funds", _("Hazards: funds (万元)")),
]
STATUS_CHOICES = [
    ("", _("any status")),
    (OPEN, _("not closed (open, rectifying, rectified, reopened)")),
    (OPEN_ONLY, _("open only")),
    *[(s.value, s.label) for s in HazardStatus if s != HazardStatus.OPEN],
]


def css(widget: forms.Widget) -> forms.Widget:
    check = isinstance(widget, forms.CheckboxInput)
    widget.attrs.setdefault("class", "form-check-input" if check else "form-select")
    if isinstance(widget, forms.TextInput | forms.DateInput):
        widget.attrs["class"] = "form-control"
    return widget


class UnbindForm(forms.Form):
    """Report a ledger-bound target by hand again, with a reason: the form whose button is
    <button name="unbind" value="1"> (the page's other form binds the measure)."""

    unbind = forms.BooleanField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    @classmethod
    def sent(cls, data) -> bool:
        """Whether `data` is this form's post (its button pressed), read through the field."""
        form = cls(data)
        return bool(form.fields["unbind"].clean(form["unbind"].data))


class MeasureForm(forms.Form):
    source = forms.ChoiceField(label=_("Ledger"), choices=MeasureSource.choices)
    aggregate = forms.ChoiceField(label=_("Figure"), choices=MeasureAggregate.choices)
    field = forms.ChoiceField(
        label=_("Field summed"),
        choices=SUM_FIELD_CHOICES,
        required=False,
        help_text=_("Only for a sum."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css(field.widget)
        self.fields["reason"].widget.attrs["class"] = "form-control"


class FilterForm(forms.Form):
    """One filter. Project keys and hazard keys side by side; only the ledger's own count."""

    unit = forms.ModelChoiceField(
        label=_("Responsible unit"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("every unit"),
    )
    subtree = forms.BooleanField(label=_("with the units under it"), required=False)
    # projects
    stage_reached = forms.ChoiceField(
        label=_("Stage reached (or beyond)"), choices=[*BLANK, *Stage.choices], required=False
    )
    reached_in_period = forms.BooleanField(
        label=_("reached within the target's period"), required=False
    )
    reached_stage = forms.ChoiceField(
        label=_("…counting the date it reached"),
        choices=[("", _("that stage")), *Stage.choices],
        required=False,
        help_text=_("E.g. projects started, among those signed in the period."),
    )
    exclude_dropped = forms.BooleanField(
        label=_("leave dropped projects out"), required=False, initial=True
    )
    industry_chain = forms.CharField(label=_("Industry chain"), max_length=100, required=False)
    # hazards
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    level = forms.ChoiceField(
        label=_("Level"), choices=[*BLANK, *HazardLevel.choices], required=False
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[*BLANK, *HazardDomain.choices], required=False
    )
    place_kind = forms.ChoiceField(
        label=_("Kind of place"), choices=[*BLANK, *PlaceKind.choices], required=False
    )
    found_in_period = forms.BooleanField(
        label=_("found within the target's period"), required=False
    )
    # both
    date_from = forms.DateField(
        label=_("Reached / found from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("Reached / found until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    PROJECT_FIELDS: tuple[str, ...] = (
        "stage_reached",
        "reached_in_period",
        "reached_stage",
        "exclude_dropped",
    )
    PROJECT_FIELDS += ("industry_chain",)
    HAZARD_FIELDS = ("status", "level", "domain", "place_kind", "found_in_period")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = choosable_units(user)
        for field in self.fields.values():
            css(field.widget)

    def to_filter(self, source: str) -> dict:
        """The JSON filter of `source` (call after is_valid())."""
        data = self.cleaned_data
        out: dict = {}
        if data.get("unit"):
            code = data["unit"].code
            out["unit"] = f"subtree:{code}" if data.get("subtree") else code
        if source == PROJECTS:
            if data.get("stage_reached"):
                out["stage_reached"] = data["stage_reached"]
            if data.get("reached_in_period"):
                out["reached_in_period"] = data.get("reached_stage") or True
            if not data.get("exclude_dropped"):
                out["exclude_dropped"] = False
            if data.get("industry_chain"):
                out["industry_chain"] = data["industry_chain"].strip()
        elif source == HAZARDS:
            for key in ("status", "level", "domain", "place_kind"):
                if data.get(key):
                    out[key] = data[key]
            if data.get("found_in_period"):
                out["found_in_period"] = True
        for key, field in (("from", "date_from"), ("to", "date_to")):
            if data.get(field):
                out[key] = data[field].isoformat()
        return out

    @classmethod
    def initial_from(cls, spec: dict | None) -> dict:
        """The form's initial data for a stored filter."""
        spec = spec or {}
        initial: dict = {"exclude_dropped": spec.get("exclude_dropped", True)}
        unit = spec.get("unit") or ""
        if unit:
            initial["unit"] = unit.removeprefix("subtree:")
            initial["subtree"] = unit.startswith("subtree:")
        for key in ("stage_reached", "industry_chain", "level", "domain", "place_kind"):
            if isinstance(spec.get(key), str):
                initial[key] = spec[key]
        if isinstance(spec.get("status"), str):
            initial["status"] = spec["status"]
        reached = spec.get("reached_in_period")
        if reached:
            initial["reached_in_period"] = True
            if isinstance(reached, str):
                initial["reached_stage"] = reached
        initial["found_in_period"] = bool(spec.get("found_in_period"))
        for key, field in (("from", "date_from"), ("to", "date_to")):
            if spec.get(key):
                initial[field] = date.fromisoformat(spec[key])
        return initial
