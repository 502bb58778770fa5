"""Forms of the ledger pages. They parse and check types; the rules live in actions.py."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.orgs.models import Unit

from .actions import HAZARD_FIELDS, PROJECT_FIELDS
from .choices import HazardDomain, HazardLevel, HazardStatus, PlaceKind, Stage
from .models import Hazard, HazardPhoto, Project

ISO = "%Y-%m-%d"
# A phone opens its camera for this field; the server still checks the bytes.
PHOTO_ATTRS = {"accept": "image/*", "capture": "environment"}
# 五落实 of a major hazard beyond measures and deadline, which every hazard has.
MAJOR_FIELDS = ("responsible_person", "funds", "contingency_plan")


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format=ISO)


def _style(form: forms.BaseForm, large: bool = False) -> None:
    """Bootstrap classes on every widget; `large` for the forms used on a phone."""
    size = "-lg" if large else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = f"form-select form-select{size}" if large else "form-select"
        else:
            css = f"form-control form-control{size}" if large else "form-control"
        widget.attrs.setdefault("class", css)


def _choices_with_all(choices) -> list[tuple[str, str]]:
    return [("", _("All")), *choices]


# --- investment projects -----------------------------------------------------------


class ProjectForm(forms.ModelForm):
    """Create or edit a project's fields; the unit is one of those the person keeps."""

    reason = forms.CharField(label=_("Reason for the change"), max_length=200, required=False)

    class Meta:
        model = Project
        fields = list(PROJECT_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        unit = cast(forms.ModelChoiceField, self.fields["unit"])
        unit.queryset, unit.empty_label = units, None
        _style(self)

    def fields_for_action(self) -> dict:
        return {name: self.cleaned_data[name] for name in PROJECT_FIELDS}


class NewProjectForm(ProjectForm):
    """A new project also says which stage it has reached, and since when."""

    stage = forms.ChoiceField(label=_("Stage reached"), choices=Stage.choices)
    stage_date = forms.DateField(label=_("Reached on"), widget=_date_input())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reason"]
        _style(self)


class ProjectMoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    date = forms.DateField(label=_("Date reached"), widget=_date_input())
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ReinstateForm(forms.Form):
    """Take a dropped project up again: the reason (the action refuses a blank one)."""

    reason = forms.CharField(label=_("Reason for the change"), max_length=300, required=False)


class ProjectDropForm(forms.Form):
    date = forms.DateField(label=_("Dropped on"), widget=_date_input())
    reason = forms.CharField(label=_("Reason dropped"), max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ProjectFilter(forms.Form):
    DROPPED_CHOICES = [("", _("Active")), ("yes", _("Dropped")), ("all", _("All"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    unit = forms.IntegerField(label=_("Unit"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), choices=_choices_with_all(Stage.choices), required=False
    )
    chain = forms.CharField(label=_("Industry chain"), required=False, max_length=100)
    origin = forms.CharField(label=_("Origin region"), required=False, max_length=100)
    dropped = forms.ChoiceField(label=_("Dropped"), choices=DROPPED_CHOICES, required=False)


class FunnelFilter(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=_date_input())
    end = forms.DateField(label=_("To"), required=False, widget=_date_input())
    unit = forms.IntegerField(label=_("Unit"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start of the range is after its end."))
        return data


# --- safety hazards ------------------------------------------------------------------


class HazardForm(forms.ModelForm):
    """Enter or edit a hazard; on entry a photo from before rectification may come with it."""

    photo = forms.FileField(
        label=_("Photo (before rectification)"),
        required=False,
        widget=forms.ClearableFileInput(attrs=PHOTO_ATTRS),
    )
    reason = forms.CharField(label=_("Reason for the change"), max_length=200, required=False)

    class Meta:
        model = Hazard
        fields = list(HAZARD_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "measures": forms.Textarea(attrs={"rows": 3}),
            "contingency_plan": forms.Textarea(attrs={"rows": 3}),
            "found_on": _date_input(),
            "deadline": _date_input(),
        }

    def __init__(self, *args, units, new: bool, **kwargs):
        super().__init__(*args, **kwargs)
        unit = cast(forms.ModelChoiceField, self.fields["unit"])
        unit.queryset, unit.empty_label = units, None
        if new:
            del self.fields["reason"]
        else:
            del self.fields["photo"]
        self.fields["level"].widget.attrs["data-level-select"] = "1"
        _style(self, large=True)

    def fields_for_action(self) -> dict:
        return {name: self.cleaned_data[name] for name in HAZARD_FIELDS}

    def general_fields(self):
        return [self[name] for name in self.fields if name not in MAJOR_FIELDS]

    def major_fields(self):
        return [self[name] for name in MAJOR_FIELDS]


class HazardMoveForm(forms.Form):
    """A status move; `statuses` are the moves this person may make from the current status."""

    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    date = forms.DateField(label=_("Date"), widget=_date_input())
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("Required when reopening: say what verification found."),
    )
    photo = forms.FileField(
        label=_("Photo (after rectification)"),
        required=False,
        widget=forms.ClearableFileInput(attrs=PHOTO_ATTRS),
    )

    def __init__(self, *args, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, HazardStatus(s).label) for s in statuses]
        if HazardStatus.REOPENED not in statuses:
            # The hint is for those who may reopen (inspectors); others never need it.
            self.fields["note"].help_text = ""
        _style(self, large=True)
        self.fields["status"].widget.attrs["class"] = "form-check-input"


class HazardPhotoForm(forms.Form):
    moment = forms.ChoiceField(
        label=_("Taken"),
        choices=[
            (HazardPhoto.BEFORE, _("before rectification")),
            (HazardPhoto.AFTER, _("after rectification")),
        ],
    )
    photo = forms.FileField(label=_("Photo"), widget=forms.ClearableFileInput(attrs=PHOTO_ATTRS))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self, large=True)


class HazardFilter(forms.Form):
    unit = forms.IntegerField(label=_("Unit"), required=False)
    domain = forms.ChoiceField(
        label=_("Domain"), choices=_choices_with_all(HazardDomain.choices), required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=_choices_with_all(HazardLevel.choices), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=_choices_with_all(HazardStatus.choices), required=False
    )
    place_kind = forms.ChoiceField(
        label=_("Kind of place"), choices=_choices_with_all(PlaceKind.choices), required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


def unit_choices(units: list[Unit]):
    """A queryset of exactly these units (a form field needs a queryset)."""
    return Unit.objects.filter(pk__in=[unit.pk for unit in units]).order_by("path")
