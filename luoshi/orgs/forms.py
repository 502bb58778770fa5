from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Unit


class UnitForm(forms.ModelForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=200, required=False)

    class Meta:
        model = Unit
        fields = ["name", "short_name"]
