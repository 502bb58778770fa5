"""A form's fields are drawn by the shared includes/field.html, so every form page shows
the same label, widget, help and errors, and posts exactly its form's fields."""

import re
from html.parser import HTMLParser
from pathlib import Path

import luoshi

LUOSHI = Path(luoshi.__file__).parent
CONVERTED = [
    "bulletins/templates/bulletins/edit.html",
    "ledgers/templates/ledgers/measure_form.html",
    "notices/templates/notices/chase.html",
    "notices/templates/notices/instruction_form.html",
    "notices/templates/notices/reminder_rule.html",
    "notices/templates/notices/webhook_form.html",
    "orgs/templates/orgs/person_detail.html",
    "plans/templates/plans/plan_rules.html",
    "reporting/templates/reporting/_report_fields.html",
]


def test_the_form_pages_draw_no_field_by_hand():
    by_hand = {
        name: re.findall(r"<label[^>]*\{\{ [\w.]*id_for_label \}\}", (LUOSHI / name).read_text())
        for name in CONVERTED
    }
    assert {name: found for name, found in by_hand.items() if found} == {}
    for name in CONVERTED:
        assert '{% include "includes/field.html"' in (LUOSHI / name).read_text(), name


class _Form(HTMLParser):
    """The names a form posts and the labels it draws, from the page's HTML."""

    def __init__(self, picks):
        super().__init__()
        self.picks, self.inside, self.names, self.labels = picks, False, set(), {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.picks(attrs)
        elif self.inside and tag in ("input", "select", "textarea") and attrs.get("name"):
            self.names.add(attrs["name"])
        elif self.inside and tag == "label" and attrs.get("for"):
            self.labels[attrs["for"]] = attrs.get("class", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def _page_form(attrs) -> bool:
    """The page's own form, not the layout's (sign out, language)."""
    return "luoshi-login" in (attrs.get("class") or "")


def _drawn(response, picks=_page_form):
    assert response.status_code in (200, 400), response.status_code
    parser = _Form(picks)
    parser.feed(response.content.decode())
    return parser


def _check(response, form, extra=frozenset()):
    drawn = _drawn(response)
    assert drawn.names == {field.html_name for field in form} | {"csrfmiddlewaretoken"} | extra
    for field in form.visible_fields():
        label = drawn.labels[field.id_for_label]
        checkbox = field.widget_type == "checkbox"
        assert label.startswith("form-check-label" if checkbox else "form-label"), field.name


def test_plan_rules_webhook_and_reminder_pages_post_their_forms_fields(plan_city):
    c = plan_city
    office = c.client("supervisor")
    page = office.get(f"/plans/{c.plan.pk}/rules/")
    _check(page, page.context["form"])
    assert '<div class="mb-3 form-check">' in page.content.decode()  # four-eyes, box first
    page = office.get(f"/plans/{c.plan.pk}/reminders/")
    _check(page, page.context["form"])
    page = c.client("housing-reporter").get("/notices/settings/webhook/")
    _check(page, page.context["form"])
    assert page.content.decode().count(' form-check">') == 3  # markdown, active, clear the secret


def test_person_measure_report_and_instruction_forms_post_their_forms_fields(plan_city):
    c = plan_city
    office = c.client("supervisor")
    page = office.get(f"/people/{c.commerce_reporter.pk}/")
    form = page.context["membership_form"]
    drawn = _drawn(page, lambda attrs: attrs.get("action", "").endswith("/roles/"))
    assert drawn.names == {field.html_name for field in form} | {"csrfmiddlewaretoken"}
    assert all(drawn.labels[f.id_for_label] == "form-label small" for f in form.visible_fields())
    assert page.content.decode().count('<div class="col-sm-4">') == len(form.visible_fields())
    page = office.get(f"/targets/{c.signed.pk}/measure/")
    form = page.context["form"]
    drawn = _drawn(page, lambda attrs: attrs.get("id") == "measure-form")
    assert {field.html_name for field in form} <= drawn.names  # and the two row filters'
    assert all(drawn.labels[f.id_for_label] == "form-label" for f in form.visible_fields())
    for field in form.visible_fields():
        assert (
            f'<div class="col-md-3">\n    <label class="form-label" for="{field.id_for_label}">'
            in (page.content.decode())
        )
    page = c.client("commerce-reporter").get(f"/targets/{c.signed.pk}/report/")
    _check(page, page.context["form"])
    page = c.client("leader").post(f"/units/{c.housing.pk}/instructions/", {"text": ""})
    assert page.status_code == 400
    _check(page, page.context["form"])
