from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.plans.forms_edit import StyledForm

from .actions import RULE_FIELDS
from .models import ReminderRule


class ReminderRuleForm(StyledForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=200, required=False)

    class Meta:
        model = ReminderRule
        fields = list(RULE_FIELDS)
