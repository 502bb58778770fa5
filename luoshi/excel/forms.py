from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from luoshi.formtools import as_id
from luoshi.orgs.models import Unit
from luoshi.plans.models import Target

from .workbook import parse_period


def reporting_units(user):
    """The units whose targets `user` reports for (through the access rules of Target)."""
    return Unit.objects.filter(
        pk__in=Target.objects.restrict(user, "report").filter(is_active=True).values("unit")
    ).order_by("path")


class LedgerImportForm(forms.Form):
    """The workbook, and which button sent it: `import` writes the rows, `check` (or
    none) only previews them."""

    file = forms.FileField(label=_("Workbook (.xlsx)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The button <button name="import" value="1">; "import" is no Python name.
        self.fields["import"] = forms.BooleanField(required=False, widget=forms.HiddenInput)

    @property
    def commits(self) -> bool:
        return bool(self.cleaned_data.get("import"))


class PeriodField(forms.CharField):
    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_period(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class WorkbookForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    period = PeriodField(label=_("Period"), help_text=_("A month (2025-09) or a quarter (2025Q3)."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = list(reporting_units(user))
        self.fields["unit"].queryset = reporting_units(user)
        if len(units) == 1 and not self.is_bound:
            self.initial.setdefault("unit", units[0].pk)  # the person's one unit, preselected
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ModelChoiceField) else "form-control"
            field.widget.attrs.setdefault("class", css)


class WorkbookUploadForm(WorkbookForm):
    file = forms.FileField(label=_("Filled workbook (.xlsx)"))


class SubmitDraftsForm(forms.Form):
    """The drafts an upload made, submitted at once: at most 1000 row ids, each a whole
    number (a damaged list submits nothing)."""

    report = forms.Field(widget=forms.MultipleHiddenInput)

    def clean_report(self) -> list[int]:
        values = self.cleaned_data["report"] or []
        ids = [as_id(str(value)) for value in values]
        if not ids or len(ids) > 1000 or None in ids:
            raise ValidationError(_("No drafts to submit."))
        return sorted({pk for pk in ids if pk is not None})
