"""Investment-project pages: who edits what, stage moves back and forth, dropping, the funnel."""

from datetime import date

from luoshi.ledgers import actions
from luoshi.ledgers.models import Project, StageEvent
from luoshi.ledgers.views_projects import funnel_counts
from tests.ledgers.rows import project_fields


def _form(unit, **overrides) -> dict:
    data = {
        "name": "智能制造产业园",
        "investor": "某科技公司",
        "origin": "珠三角",
        "industry_chain": "高端装备",
        "planned_amount": "30000",
        "paid_in_amount": "1200",
        "unit": str(unit.pk),
        "note": "",
        "stage": "signed",
        "stage_date": "2025-07-01",
    }
    return {**data, **overrides}


def test_reporter_enters_a_project_of_its_unit_with_its_stage_and_date(ledger_city):
    c = ledger_city
    response = c.client("commerce-reporter").post(
        "/ledgers/projects/new/", _form(c.commerce, stage="landed")
    )
    project = Project.objects.get(name="智能制造产业园")
    assert response.status_code == 302
    assert response["Location"] == f"/ledgers/projects/{project.pk}/"
    assert (project.unit, project.stage) == (c.commerce, "landed")
    assert list(project.events.values_list("stage", "date", "recorded_by")) == [
        ("landed", date(2025, 7, 1), c.commerce_reporter.pk)
    ]
    assert project.history.first().history_user == c.commerce_reporter


def test_creating_a_project_for_another_unit_is_refused_and_writes_nothing(ledger_city):
    c = ledger_city
    before = Project.objects.count()
    response = c.client("housing-reporter").post("/ledgers/projects/new/", _form(c.commerce))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Project.objects.count() == before
    # The form offers only the reporter's own unit.
    assert list(response.context["form"].fields["unit"].queryset) == [c.housing]


def test_reporter_edits_only_its_units_rows(ledger_city):
    c = ledger_city
    data = _form(c.commerce, name="新能源电池项目（二期）", reason="更名")
    for url in (f"/ledgers/projects/{c.project.pk}/edit/", f"/ledgers/projects/{c.project.pk}/"):
        assert c.client("housing-reporter").get(url).status_code == 404
    assert (
        c.client("housing-reporter")
        .post(f"/ledgers/projects/{c.project.pk}/edit/", data)
        .status_code
        == 404
    )
    assert Project.objects.get(pk=c.project.pk).name == "新能源电池项目"

    response = c.client("commerce-reporter").post(f"/ledgers/projects/{c.project.pk}/edit/", data)
    assert response.status_code == 302
    project = Project.objects.get(pk=c.project.pk)
    assert project.name == "新能源电池项目（二期）"
    latest = project.history.first()
    assert (latest.history_user, latest.history_change_reason) == (c.commerce_reporter, "更名")


def test_a_project_cannot_be_moved_to_another_unit_one_does_not_keep(ledger_city):
    c = ledger_city
    data = _form(c.housing, reason="移交")
    response = c.client("commerce-reporter").post(f"/ledgers/projects/{c.project.pk}/edit/", data)
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Project.objects.get(pk=c.project.pk).unit == c.commerce


def test_stage_moves_back_and_forth_are_recorded_with_their_dates(ledger_city):
    c = ledger_city
    client = c.client("commerce-reporter")
    url = f"/ledgers/projects/{c.project.pk}/move/"
    for stage, day in (
        ("started", "2025-05-01"),
        ("landed", "2025-06-01"),
        ("started", "2025-07-01"),
    ):
        response = client.post(url, {"stage": stage, "date": day, "note": f"{stage} {day}"})
        assert response.status_code == 302
    project = Project.objects.get(pk=c.project.pk)
    assert project.stage == "started"
    assert list(project.events.order_by("date", "pk").values_list("stage", "date")) == [
        ("signed", date(2025, 3, 10)),
        ("started", date(2025, 5, 1)),
        ("landed", date(2025, 6, 1)),
        ("started", date(2025, 7, 1)),
    ]
    page = client.get(f"/ledgers/projects/{c.project.pk}/")
    assert [e.stage for e in page.context["events"]] == ["signed", "started", "landed", "started"]
    assert page.content.decode().count('data-event-stage="started"') == 2
    # Moving back is the current stage too.
    client.post(url, {"stage": "landed", "date": "2025-07-10"})
    assert Project.objects.get(pk=c.project.pk).stage == "landed"


def test_a_stage_date_in_the_future_is_refused(ledger_city):
    c = ledger_city
    response = c.client("commerce-reporter").post(
        f"/ledgers/projects/{c.project.pk}/move/", {"stage": "started", "date": "2025-12-01"}
    )
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert StageEvent.objects.filter(project=c.project).count() == 1


def test_dropping_keeps_the_project_with_date_and_reason(ledger_city):
    c = ledger_city
    client = c.client("commerce-approver")
    response = client.post(
        f"/ledgers/projects/{c.project.pk}/drop/", {"date": "2025-07-01", "reason": "投资方撤资"}
    )
    assert response.status_code == 302
    project = Project.objects.get(pk=c.project.pk)
    assert (project.dropped_on, project.drop_reason) == (date(2025, 7, 1), "投资方撤资")
    assert c.project.pk not in [p.pk for p in client.get("/ledgers/projects/").context["page"]]
    dropped = client.get("/ledgers/projects/?dropped=yes").context["page"]
    assert [p.pk for p in dropped] == [c.project.pk]
    # A dropped project does not move, and the refusal says why.
    response = client.post(
        f"/ledgers/projects/{c.project.pk}/move/", {"stage": "started", "date": "2025-07-02"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert project.events.count() == 1


def test_dropping_needs_a_reason(ledger_city):
    c = ledger_city
    response = c.client("commerce-reporter").post(
        f"/ledgers/projects/{c.project.pk}/drop/", {"date": "2025-07-01", "reason": " "}
    )
    assert response.status_code == 200
    assert Project.objects.get(pk=c.project.pk).dropped_on is None


def test_project_list_filters(ledger_city):
    c = ledger_city
    other = actions.create_project(
        c.commerce_reporter,
        stage="negotiating",
        stage_date=date(2025, 6, 1),
        **project_fields(
            c.commerce,
            name="冷链物流园",
            investor="某物流集团",
            origin="本省",
            industry_chain="物流",
        ),
    )
    client = c.client("supervisor")

    def names(query: str) -> set[str]:
        return {p.name for p in client.get(f"/ledgers/projects/?{query}").context["page"]}

    assert names("") == {"新能源电池项目", "冷链物流园"}
    assert names("stage=signed") == {"新能源电池项目"}
    assert names("chain=物流") == {"冷链物流园"}
    assert names("origin=长三角") == {"新能源电池项目"}
    assert names("q=物流集团") == {"冷链物流园"}
    assert names(f"unit={c.city.pk}") == {"新能源电池项目", "冷链物流园"}
    assert names(f"unit={c.housing.pk}") == set()
    # A unit one may not see filters everything out rather than widening the list.
    housing = c.client("housing-reporter").get(f"/ledgers/projects/?unit={c.commerce.pk}")
    assert list(housing.context["page"]) == []
    assert other.pk


def test_funnel_counts_projects_by_the_date_they_first_reached_each_stage(ledger_city):
    c = ledger_city
    reporter = c.commerce_reporter
    # Signed last year, started this year: counts at 开工 this year, not at 签约.
    old = actions.create_project(
        reporter,
        stage="signed",
        stage_date=date(2024, 11, 1),
        **project_fields(c.commerce, name="旧项目"),
    )
    actions.move_project(old, reporter, stage="started", on=date(2025, 2, 1))
    # Entered at 落地 this year: it has passed 洽谈 and 签约 too.
    actions.create_project(
        reporter,
        stage="landed",
        stage_date=date(2025, 4, 1),
        **project_fields(c.commerce, name="落地项目"),
    )
    # Back and forth this year: counted once at 开工.
    actions.move_project(c.project, reporter, stage="started", on=date(2025, 5, 1))
    actions.move_project(c.project, reporter, stage="landed", on=date(2025, 6, 1))
    actions.move_project(c.project, reporter, stage="started", on=date(2025, 7, 1))

    counts = dict(funnel_counts(Project.objects.all(), date(2025, 1, 1), date(2025, 12, 31)))
    assert counts == {"negotiating": 2, "signed": 2, "landed": 3, "started": 2, "producing": 0}
    counts = dict(funnel_counts(Project.objects.all(), date(2024, 1, 1), date(2024, 12, 31)))
    assert counts == {"negotiating": 1, "signed": 1, "landed": 0, "started": 0, "producing": 0}

    page = c.client("commerce-reporter").get(
        "/ledgers/projects/funnel/?start=2025-01-01&end=2025-07-15"
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-funnel="landed"' in html and 'id="funnel-chart-data"' in html
    assert dict((s.value, n) for s, n in page.context["counts"])["landed"] == 3
    # Another unit's funnel is empty for the housing reporter.
    page = c.client("housing-reporter").get("/ledgers/projects/funnel/?start=2025-01-01")
    assert all(n == 0 for _s, n in page.context["counts"])


def test_funnel_with_an_inverted_range_says_so(ledger_city):
    page = ledger_city.client("supervisor").get(
        "/ledgers/projects/funnel/?start=2025-08-01&end=2025-01-01"
    )
    assert page.status_code == 200
    assert page.context["filters"].non_field_errors()
