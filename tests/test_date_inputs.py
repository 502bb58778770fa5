"""Every form with a date renders it as ISO in every language, and reads ISO back.

A date input (``<input type="date">``) shows nothing but ``YYYY-MM-DD``; Django's
zh-Hans input format (``2025/09/30``) made every date field look empty in
Chinese. This test walks every forms module of the apps, so that a new form
with a date is covered without anyone remembering to add it here.
"""

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from django import forms
from django.apps import apps
from django.utils import translation

from luoshi.orgs.models import Unit

DAY = date(2025, 9, 30)


def _form_modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("luoshi."):
            continue
        package = importlib.import_module(config.name)
        for info in pkgutil.iter_modules(package.__path__):
            if info.name == "forms" or info.name.startswith("forms_"):
                yield importlib.import_module(f"{config.name}.{info.name}")


def _date_forms():
    found = []
    for module in _form_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm) or cls.__module__ != module.__name__:
                continue
            if any(isinstance(f, forms.DateField) for f in cls.base_fields.values()):
                found.append(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


DATE_FORMS = _date_forms()


def _kwargs(cls, plan_city) -> dict:
    """The keyword arguments a form's __init__ insists on, made from the persona city.

    A new form asking for something not listed here fails by name: add it.
    """
    known = {
        "user": plan_city.supervisor,
        "units": Unit.objects.all(),
        "new": True,
        "statuses": ["open"],
        "plan": plan_city.plan,
        "target": plan_city.signed,
    }
    wanted = {}
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        for param in inspect.signature(init).parameters.values():
            if param.kind == param.KEYWORD_ONLY and param.default is param.empty:
                assert param.name in known, f"{cls.__qualname__} needs {param.name!r}"
                wanted[param.name] = known[param.name]
    return wanted


def test_the_walk_finds_the_forms_we_know_have_dates():
    names = {cls.__qualname__ for cls in DATE_FORMS}
    assert {"ReportForm", "PlanImportForm", "TargetForm", "HazardForm"} <= names


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("form_class", DATE_FORMS, ids=lambda cls: cls.__qualname__)
def test_every_date_field_shows_and_reads_an_iso_date(form_class, language, plan_city):
    fields = [n for n, f in form_class.base_fields.items() if isinstance(f, forms.DateField)]
    with translation.override(language):
        form = form_class(initial=dict.fromkeys(fields, DAY), **_kwargs(form_class, plan_city))
        for name in fields:
            if name not in form.fields:  # the form dropped it for this case
                continue
            html = str(form[name])
            assert 'value="2025-09-30"' in html, (form_class.__qualname__, name, html)
            assert form.fields[name].clean("2025-09-30") == DAY
