"""Forms with which the supervision office writes plans by hand."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.orgs.access import choosable_units
from luoshi.orgs.models import Unit

from .models import Plan, Target, Task

DATE = forms.DateInput(attrs={"type": "date"})


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """The form's field `name`, a choice of rows (its queryset is set per request)."""
    return cast(forms.ModelChoiceField, form.fields[name])


class StyledForm(forms.ModelForm):
    """Bootstrap classes on every widget, so templates can render fields plainly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = (
                "form-select"
                if isinstance(field.widget, forms.Select | forms.SelectMultiple)
                else "form-control"
            )
            field.widget.attrs.setdefault("class", css)


class PlanForm(StyledForm):
    class Meta:
        model = Plan
        fields = ["title", "start", "end", "source_file"]
        widgets = {"start": DATE, "end": DATE}


class TaskForm(StyledForm):
    class Meta:
        model = Task
        fields = ["title", "parent", "lead_unit", "cooperating_units", "deadline"]
        widgets = {"deadline": DATE}

    def __init__(self, *args, plan: Plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        _choices(self, "parent").queryset = plan.tasks.all()
        _choices(self, "lead_unit").queryset = choosable_units(user)
        _choices(self, "cooperating_units").queryset = choosable_units(user)


class NewTargetForm(StyledForm):
    schedule_text = forms.CharField(
        label=_("Schedule checkpoints"),
        required=False,
        help_text=_("One per line: date and share, e.g. 2025-03-31 0.2"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    milestones_text = forms.CharField(
        label=_("Milestones"),
        required=False,
        help_text=_(
            "Milestone targets: one per line, due date then name, e.g. 2025-06-30 出台实施意见"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Target
        fields = [
            "task",
            "unit",
            "name",
            "kind",
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

    def __init__(self, *args, plan: Plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        _choices(self, "task").queryset = plan.tasks.all()
        _choices(self, "unit").queryset = choosable_units(user)
        self.initial.setdefault("start", plan.start)
        self.initial.setdefault("end", plan.end)

    def clean_schedule_text(self):
        points = []
        for number, line in enumerate(self.cleaned_data["schedule_text"].splitlines(), 1):
            if not line.strip():
                continue
            try:
                day, share = line.split()
                forms.DateField().clean(day)
                points.append([day, float(share)])
            except (ValueError, forms.ValidationError):
                raise forms.ValidationError(
                    _("Line %(n)d: write a date and a share, e.g. 2025-03-31 0.2") % {"n": number}
                ) from None
        return points

    def clean_milestones_text(self):
        milestones = []
        for number, line in enumerate(self.cleaned_data["milestones_text"].splitlines(), 1):
            if not line.strip():
                continue
            day, _space, name = line.strip().partition(" ")
            try:
                due = forms.DateField().clean(day)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Line %(n)d: start with the due date, e.g. 2025-06-30") % {"n": number}
                ) from None
            if not name.strip():
                raise forms.ValidationError(
                    _("Line %(n)d: name the milestone after its date") % {"n": number}
                )
            milestones.append((due, name.strip()))
        return milestones

    def clean(self):
        data = super().clean()
        if data.get("kind") == "milestone" and not data.get("milestones_text"):
            self.add_error("milestones_text", _("A milestone target needs at least one milestone."))
        if data.get("kind") == "floor" and data.get("baseline") is None:
            self.add_error("baseline", _("A floor target needs its baseline."))
        return data


class PartForm(forms.Form):
    """A cooperating unit's part: a share of the value, or a milestone of its own (配合)."""

    unit = forms.ModelChoiceField(label=_("Cooperating unit"), queryset=Unit.objects.none())
    value = forms.FloatField(
        label=_("Its part of the value"),
        required=False,
        help_text=_("Leave empty for the whole value, or name a milestone below instead."),
    )
    milestone = forms.CharField(
        label=_("Or a milestone of its own"),
        required=False,
        max_length=200,
        help_text=_("A qualitative part with no number, e.g. 配合制定实施细则."),
    )
    due = forms.DateField(
        label=_("Milestone due"),
        required=False,
        widget=DATE,
        help_text=_("The target's end if left empty."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _choices(self, "unit").queryset = choosable_units(user)
        self.fields["unit"].widget.attrs["class"] = "form-select"
        for name in ("value", "milestone", "due"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean(self):
        data = super().clean()
        if data.get("milestone") and data.get("value") is not None:
            self.add_error("value", _("A part is either a share of the value or a milestone."))
        if data.get("due") and not data.get("milestone"):
            self.add_error("milestone", _("Name the milestone that is due."))
        return data
