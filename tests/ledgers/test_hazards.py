"""Safety-hazard pages: the status path and who walks it, photos, 五落实, the overdue list."""

import re
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import translation

from luoshi.ledgers import actions
from luoshi.ledgers.models import Hazard, HazardEvent, HazardPhoto
from luoshi.orgs.access import access_for
from luoshi.orgs.models import User
from tests.ledgers.rows import JPEG, PNG, hazard_fields


def _files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _new_hazard(unit, **overrides) -> dict:
    data = {
        "description": "电动车楼道充电",
        "domain": "fire",
        "place": "和平小区5号楼",
        "place_kind": "residential",
        "level": "ordinary",
        "found_on": "2025-07-10",
        "found_by": "网格员",
        "unit": str(unit.pk),
        "deadline": "2025-07-20",
        "measures": "清理楼道，劝导住户",
        "responsible_person": "",
        "funds": "",
        "contingency_plan": "",
    }
    return {**data, **overrides}


def test_a_reporter_enters_a_hazard_with_a_photo(ledger_city):
    c = ledger_city
    data = _new_hazard(c.housing_team, photo=SimpleUploadedFile("楼道.jpg", JPEG, "image/jpeg"))
    response = c.client("team-reporter").post("/ledgers/hazards/new/", data)
    assert response.status_code == 302
    hazard = Hazard.objects.get(place="和平小区5号楼")
    assert (hazard.unit, hazard.status) == (c.housing_team, "open")
    assert list(hazard.events.values_list("status", "date")) == [("open", date(2025, 7, 10))]
    assert [p.moment for p in hazard.photos.all()] == ["before"]
    detail = c.client("team-reporter").get(response["Location"])
    photo = hazard.photos.get()
    assert f'src="/ledgers/hazards/photos/{photo.pk}/"' in detail.content.decode()


def test_the_path_open_rectifying_rectified_closed_by_the_supervisor_then_reopened(ledger_city):
    c = ledger_city
    url = f"/ledgers/hazards/{c.hazard.pk}/move/"
    team = c.client("team-reporter")
    assert team.post(url, {"status": "rectifying", "date": "2025-07-05"}).status_code == 302
    after = SimpleUploadedFile("after.png", PNG, "image/png")
    response = team.post(url, {"status": "rectified", "date": "2025-07-08", "photo": after})
    assert response.status_code == 302
    supervisor = c.client("supervisor")
    assert supervisor.post(url, {"status": "closed", "date": "2025-07-10"}).status_code == 302
    assert Hazard.objects.get(pk=c.hazard.pk).status == "closed"

    # Reopening needs the reason verification found; without it nothing changes.
    response = supervisor.post(url, {"status": "reopened", "date": "2025-07-12"})
    assert response.status_code == 200
    assert "note" in response.context["form"].errors
    assert Hazard.objects.get(pk=c.hazard.pk).status == "closed"
    response = supervisor.post(
        url, {"status": "reopened", "date": "2025-07-12", "note": "复查发现管道仍有渗漏"}
    )
    assert response.status_code == 302
    hazard = Hazard.objects.get(pk=c.hazard.pk)
    assert hazard.status == "reopened"
    assert list(hazard.events.order_by("date", "pk").values_list("status", "recorded_by")) == [
        ("open", c.team_reporter.pk),
        ("rectifying", c.team_reporter.pk),
        ("rectified", c.team_reporter.pk),
        ("closed", c.supervisor.pk),
        ("reopened", c.supervisor.pk),
    ]
    assert hazard.events.get(status="reopened").note == "复查发现管道仍有渗漏"
    assert [p.moment for p in hazard.photos.all()] == ["after"]
    page = team.get(f"/ledgers/hazards/{c.hazard.pk}/")
    choices = page.context["move_form"].fields["status"].choices
    assert [value for value, _label in choices] == ["rectifying", "rectified"]


def test_the_unit_cannot_close_its_own_hazard(ledger_city):
    c = ledger_city
    url = f"/ledgers/hazards/{c.housing_hazard.pk}/move/"  # rectified, awaiting verification
    for persona in ("housing-reporter", "housing-approver"):
        response = c.client(persona).post(url, {"status": "closed", "date": "2025-07-14"})
        assert response.status_code == 403
    assert Hazard.objects.get(pk=c.housing_hazard.pk).status == "rectified"
    # The unit's page offers no move at all while verification is pending.
    page = c.client("housing-reporter").get(f"/ledgers/hazards/{c.housing_hazard.pk}/")
    assert page.context["move_form"] is None
    # Nor can a unit skip verification from an open hazard.
    response = c.client("team-reporter").post(
        f"/ledgers/hazards/{c.hazard.pk}/move/", {"status": "closed", "date": "2025-07-14"}
    )
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    assert Hazard.objects.get(pk=c.hazard.pk).status == "open"


def test_the_leader_reads_but_moves_nothing(ledger_city):
    c = ledger_city
    leader = c.client("leader")
    assert leader.get(f"/ledgers/hazards/{c.hazard.pk}/").context["move_form"] is None
    response = leader.post(
        f"/ledgers/hazards/{c.hazard.pk}/move/", {"status": "rectifying", "date": "2025-07-14"}
    )
    assert response.status_code == 403
    assert HazardEvent.objects.filter(hazard=c.hazard).count() == 1


def test_a_bad_photo_is_refused_with_nothing_written(ledger_city, settings):
    c = ledger_city
    files = _files(settings)
    hazards, events, photos = (
        Hazard.objects.count(),
        HazardEvent.objects.count(),
        HazardPhoto.objects.count(),
    )
    client = c.client("team-reporter")
    fakes = [
        SimpleUploadedFile("现场.jpg", b"<script>alert(1)</script>", "image/jpeg"),
        SimpleUploadedFile("现场.pdf", b"%PDF-1.4 not a photo", "application/pdf"),
        SimpleUploadedFile("现场.gif", b"GIF89a", "image/gif"),
        SimpleUploadedFile("现场.jpg", b"", "image/jpeg"),
    ]
    for fake in fakes:
        response = client.post("/ledgers/hazards/new/", _new_hazard(c.housing_team, photo=fake))
        assert response.status_code == 200, fake.name
        assert "photo" in response.context["form"].errors, fake.name
    # On the status form too: the move is not recorded either.
    fake = SimpleUploadedFile("after.png", b"not a png", "image/png")
    response = client.post(
        f"/ledgers/hazards/{c.hazard.pk}/move/",
        {"status": "rectified", "date": "2025-07-14", "photo": fake},
    )
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    fake = SimpleUploadedFile("after.jpg", b"not a jpeg", "image/jpeg")
    response = client.post(
        f"/ledgers/hazards/{c.hazard.pk}/photos/", {"moment": "after", "photo": fake}
    )
    assert response.status_code == 200
    assert (Hazard.objects.count(), HazardEvent.objects.count(), HazardPhoto.objects.count()) == (
        hazards,
        events,
        photos,
    )
    assert Hazard.objects.get(pk=c.hazard.pk).status == "open"
    assert _files(settings) == files


def test_photos_are_served_to_who_sees_the_hazard_and_never_publicly(ledger_city):
    c = ledger_city
    url = f"/ledgers/hazards/photos/{c.photo.pk}/"
    response = c.client("housing-approver").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == JPEG
    assert c.client("commerce-reporter").get(url).status_code == 404
    assert c.client(None).get(url).status_code == 302
    # The uploaded file's own address is not served.
    assert c.client("supervisor").get(f"/media/{c.photo.image.name}").status_code == 404


def test_overdue_hazards_stand_out_and_can_be_listed_alone(ledger_city):
    c = ledger_city
    # Past its deadline but verified closed: not overdue.
    closed = actions.create_hazard(
        c.team_reporter,
        **hazard_fields(
            c.housing_team, place="已整改点", found_on=date(2025, 5, 1), deadline=date(2025, 5, 31)
        ),
    )
    actions.move_hazard(closed, c.team_reporter, status="rectified", on=date(2025, 5, 20))
    actions.move_hazard(closed, c.supervisor, status="closed", on=date(2025, 5, 25))
    client = c.client("housing-approver")

    page = client.get("/ledgers/hazards/")
    overdue = {h.pk for h in page.context["page"] if h.is_overdue}
    assert overdue == {c.major.pk}
    html = page.content.decode()
    assert (
        f'<tr data-hazard="{c.major.pk}" class="table-danger luoshi-overdue" data-overdue="1">'
        in html
    )
    assert f'<tr data-hazard="{c.hazard.pk}">' in html

    only = client.get("/ledgers/hazards/?overdue=on")
    assert [h.pk for h in only.context["page"]] == [c.major.pk]
    detail = client.get(f"/ledgers/hazards/{c.major.pk}/")
    assert detail.context["is_overdue"] and 'data-overdue="1"' in detail.content.decode()


def test_a_major_hazard_shows_its_five_in_place(ledger_city):
    c = ledger_city
    html = c.client("team-reporter").get(f"/ledgers/hazards/{c.major.pk}/").content.decode()
    assert 'id="five-in-place"' in html
    for field, text in (
        ("responsible_person", "李校长"),
        ("measures", "更换老旧管道"),
        ("funds", "12.5"),
        ("deadline", "2025-06-30"),
        ("contingency_plan", "设置临时疏散通道"),
    ):
        assert f'data-five="{field}">{text}' in html, field
    ordinary = c.client("team-reporter").get(f"/ledgers/hazards/{c.hazard.pk}/").content.decode()
    assert 'id="five-in-place"' not in ordinary


def test_hazard_list_filters(ledger_city):
    c = ledger_city
    client = c.client("supervisor")

    def places(query: str) -> set[str]:
        return {h.place for h in client.get(f"/ledgers/hazards/?{query}").context["page"]}

    assert places("") == {"幸福小区3号楼", "青禾一中", "建设路工地"}
    assert places("domain=fire") == {"青禾一中"}
    assert places("level=major") == {"青禾一中"}
    assert places("status=rectified") == {"建设路工地"}
    assert places("place_kind=school") == {"青禾一中"}
    assert places(f"unit={c.housing.pk}") == {"幸福小区3号楼", "青禾一中", "建设路工地"}
    assert places(f"unit={c.housing_team.pk}") == {"幸福小区3号楼", "青禾一中"}
    assert places("domain=nonsense") == {"幸福小区3号楼", "青禾一中", "建设路工地"}
    # Each reporter sees its own unit's rows only.
    team = c.client("housing-reporter").get("/ledgers/hazards/").context["page"]
    assert {h.place for h in team} == {"建设路工地"}


def test_editing_a_hazard_records_who_and_why(ledger_city):
    c = ledger_city
    data = _new_hazard(c.housing_team, place="幸福小区3号楼东侧", reason="位置更正")
    response = c.client("housing-approver").post(f"/ledgers/hazards/{c.hazard.pk}/edit/", data)
    assert response.status_code == 302
    hazard = Hazard.objects.get(pk=c.hazard.pk)
    assert hazard.place == "幸福小区3号楼东侧"
    latest = hazard.history.first()
    assert (latest.history_user, latest.history_change_reason) == (c.housing_approver, "位置更正")
    # A deadline before the day found is refused by the model's rule, and nothing changes.
    bad = _new_hazard(c.housing_team, deadline="2025-07-01", found_on="2025-07-10")
    response = c.client("housing-approver").post(f"/ledgers/hazards/{c.hazard.pk}/edit/", bad)
    assert response.status_code == 200
    assert Hazard.objects.get(pk=c.hazard.pk).deadline == date(2025, 7, 20)


def test_hazard_forms_are_made_for_a_phone(ledger_city):
    html = ledger_city.client("team-reporter").get("/ledgers/hazards/new/").content.decode()
    assert 'accept="image/*"' in html and 'capture="environment"' in html
    assert 'name="viewport"' in html and "form-control-lg" in html
    assert "style=" not in html and "<script>" not in html


def test_the_lists_unit_filter_holds_the_units_one_sees_and_who_may_enter_rows(ledger_city):
    """The filter's options are written in Python (ledgers.views.unit_filter): every active
    unit one sees, in tree order, the chosen one selected; the buttons to enter rows show
    to those who keep some unit's rows."""
    c = ledger_city
    for who, keeps_rows in (("supervisor", True), ("housing-approver", True), ("leader", False)):
        person = c.client(who)
        units = (
            access_for(User.objects.get(username=who))
            .visible_units()
            .filter(is_active=True)
            .order_by("path")
        )
        assert units.count() > 1
        chosen = units[1]
        for url in ("/ledgers/hazards/", "/ledgers/projects/"):
            response = person.get(f"{url}?unit={chosen.pk}")
            html = response.content.decode()
            start = html.index('id="f-unit"')
            select = html[start : html.index("</select>", start)]
            assert re.findall(r'<option value="(\d+)"', select) == [str(u.pk) for u in units]
            assert re.findall(r'<option value="(\d+)" selected>', select) == [str(chosen.pk)]
            assert response.context["can_create"] is keeps_rows, (who, url)
    leader = c.client("leader").get("/ledgers/hazards/").content.decode()
    assert 'id="hazard-new"' not in leader
    # The labels of the rows, translated once for the page: the same as the model's display.
    page = c.client("supervisor").get("/ledgers/hazards/").context["page"]
    assert [h.status_label for h in page] == [h.get_status_display() for h in page]
    assert [h.level_label for h in page] == [h.get_level_display() for h in page]


# The rows as the template wrote them before hazard_rows_body wrote them in Python.
ROWS_AS_TEMPLATE = """{% load i18n %}
{% for hazard in page.object_list %}
{% if hazard.is_overdue %}<tr data-hazard="{{ hazard.pk }}" class="table-danger luoshi-overdue" data-overdue="1">
{% else %}<tr data-hazard="{{ hazard.pk }}">{% endif %}
<td><a href="{% url 'hazard-detail' hazard.pk %}">{{ hazard.place }}</a><div class="small text-muted">
{{ hazard.place_kind_label }}<span class="d-md-none"> · {{ hazard.domain_label }} ·
{{ hazard.unit.short_name }}{% if hazard.is_major %} <span
class="badge text-bg-danger">{{ hazard.level_label }}</span>{% endif %}</span>
</div></td>
<td class="text-nowrap"><span class="badge text-bg-{{ hazard.status_colour }}"
data-status="{{ hazard.status }}">{{ hazard.status_label }}</span></td>
<td class="text-nowrap">
{{ hazard.deadline|date:"Y-m-d" }}{% if hazard.is_overdue %} <span
class="badge text-bg-danger">{% translate "Overdue" context "hazard" %}</span>{% endif %}
</td>
<td class="d-none d-md-table-cell">
{% if hazard.is_major %}<span
class="badge text-bg-danger">{{ hazard.level_label }}</span>{% else %}
{{ hazard.level_label }}{% endif %}
</td>
<td class="d-none d-md-table-cell">{{ hazard.domain_label }}</td>
<td class="d-none d-md-table-cell">{{ hazard.unit.short_name }}</td>
<td class="text-nowrap d-none d-lg-table-cell">{{ hazard.found_on|date:"Y-m-d" }}</td>
<td class="d-none d-lg-table-cell">{{ hazard.description|truncatechars:40 }}</td>
</tr>
{% empty %}<tr><td colspan="8" class="text-muted">{% translate "No hazards match." %}</td></tr>
{% endfor %}"""


def _words(html: str) -> list[str]:
    return html.split()


def test_the_hazard_rows_written_in_python_are_the_templates_markup(ledger_city):
    c = ledger_city
    # A description long enough to be cut, with markup to escape; one hazard overdue.
    c.hazard.description = "<b>楼道</b> & “充电” " + "很长的描述" * 10
    c.hazard.save()
    client = c.client("supervisor")
    for url in ("/ledgers/hazards/", "/ledgers/hazards/?level=major", "/ledgers/hazards/?domain=x"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
        html = response.content.decode()
        body = html[html.index("<tbody>") + len("<tbody>") : html.index("</tbody>")]
        with translation.override("zh-hans"):
            expected = Template(ROWS_AS_TEMPLATE).render(
                Context({"page": response.context["page"]})
            )
        assert _words(body) == _words(expected), url
    assert (
        "table-danger luoshi-overdue" in client.get("/ledgers/hazards/?overdue=on").content.decode()
    )
