from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.plans.choices import TargetKind
from luoshi.plans.models import Target

from .fields import EVIDENCE_HELP, MultipleFileField


class ReportForm(forms.Form):
    """The fields a reporter fills; which of value/overdue/milestone apply depends on the kind."""

    as_of = forms.DateField(label=_("As of"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.FloatField(label=_("Value"), required=False)
    overdue = forms.FloatField(label=_("Of which overdue"), required=False, min_value=0)
    milestone = forms.ModelChoiceField(
        label=_("Milestone completed"), queryset=None, required=False
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    evidence = MultipleFileField(label=_("Evidence files"), help_text=EVIDENCE_HELP)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, target: Target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = target.milestones.all()
        if target.kind == TargetKind.MILESTONE:
            del self.fields["value"], self.fields["overdue"]
        else:
            del self.fields["milestone"]
            if target.kind != TargetKind.ZERO:
                del self.fields["overdue"]
            else:
                self.fields["value"].label = _("Open items")
            self.fields["value"].required = True
            self.fields["value"].help_text = target.unit_label
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ModelChoiceField) else "form-control"
            field.widget.attrs.setdefault("class", css)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for return"), max_length=500)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
