"""Plan import: upload a document, review the items, map owners, confirm (issue 5)."""

import io
import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from luoshi.orgs.models import Unit
from luoshi.plans import importing
from luoshi.plans.models import ImportItem, Milestone, OwnerAlias, Plan, Target
from tests.personas import PERSONAS

PLAN_TEXT = (
    "2025年重点工作计划\n\n"
    "一、市商务委\n"
    "全年社会消费品零售总额增长5%以上。签约项目不少于50个。"
    "2025年6月30日前制定出台《推动外贸企业高质量发展实施意见》。\n\n"
    "二、市住建局\n"
    "推动重大事故隐患动态清零。2024年全市完成投资同比增长6.3%。\n"
)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the source language, whatever the .po says."""
    with translation.override("en"):
        yield


def client_for(city, persona):
    client = city.client(persona)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def upload(client, name="plan.txt", content=None, title="2025年重点工作计划"):
    return client.post(
        reverse("plan-import"),
        {
            "title": title,
            "start": "2025-01-01",
            "end": "2025-12-31",
            "file": SimpleUploadedFile(name, PLAN_TEXT.encode() if content is None else content),
        },
    )


def imported(city, **kwargs) -> Plan:
    return importing.start_import(
        city.supervisor,
        title="2025年重点工作计划",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        filename=kwargs.pop("filename", "plan.txt"),
        content=kwargs.pop("content", PLAN_TEXT.encode()),
    )


def item(plan, metric_part) -> ImportItem:
    return plan.import_items.get(metric__contains=metric_part)


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("2025年重点工作计划", level=1)
    document.add_heading("市商务局", level=2)
    document.add_paragraph("全年社会消费品零售总额增长5%以上。签约项目不少于50个。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- upload ---------------------------------------------------------------------------


def test_supervisor_uploads_a_text_plan_and_reviews_it_with_every_item_highlighted(city, media):
    client = client_for(city, "supervisor")
    response = upload(client)
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("plan-import-review", args=[plan.pk])
    assert plan.status == "draft"
    assert plan.source_file.name.endswith(".txt")
    assert plan.source_file.read().decode() == PLAN_TEXT
    assert "签约项目不少于50个" in plan.source_text
    items = list(plan.import_items.order_by("position"))
    assert [it.position for it in items] == list(range(1, len(items) + 1))
    signed = item(plan, "签约项目")
    assert (signed.kind, signed.target_kind, signed.comparator, signed.value) == (
        "target",
        "cumulative",
        ">=",
        50,
    )
    assert signed.owner_text == "市商务委" and signed.unit is None  # no unit of that name
    assert item(plan, "重大事故隐患").unit == city.housing  # a unit of that very name
    assert item(plan, "投资").decision == "rejected"  # a statistic
    assert signed.decision == "accepted"
    for it in items:
        assert plan.source_text[it.start_offset : it.end_offset] == it.snippet
    assert signed.history.first().history_user == city.supervisor

    page = client.get(response.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('class="imp-mark') >= len(items)
    for it in items:
        assert f'id="item-{it.pk}"' in html and f'href="#src-{it.pk}"' in html
        assert f'id="src-{it.pk}"' in html and f'href="#item-{it.pk}"' in html
    assert "签约项目不少于50个</a></mark>" in html


def test_supervisor_uploads_a_word_plan(city):
    response = upload(client_for(city, "supervisor"), name="计划.docx", content=docx_bytes())
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert plan.source_file.name.endswith(".docx")
    signed = item(plan, "签约项目")
    assert signed.value == 50 and signed.owner_text == "市商务局"
    assert signed.unit == city.commerce
    assert plan.source_text[signed.start_offset : signed.end_offset] == "签约项目不少于50个"


def test_supervisor_uploads_a_web_page_plan(city):
    page = (
        "<html><head><title>x</title><script>var a = 1;</script></head><body>"
        "<h1>2025年重点工作计划</h1><h2>市住建局</h2>"
        "<p>推动重大事故隐患动态清零。</p>"
        "<h2>市商务局</h2><p>签约项目不少于50个。</p>"
        "</body></html>"
    )
    response = upload(client_for(city, "supervisor"), name="plan.html", content=page.encode())
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert "var a" not in plan.source_text
    assert item(plan, "重大事故").unit == city.housing
    assert (item(plan, "签约项目").value, item(plan, "签约项目").unit) == (50, city.commerce)


def test_a_huge_upload_is_refused_before_it_is_read(city, settings, media):
    settings.EVIDENCE_MAX_BYTES = 1024
    response = upload(client_for(city, "supervisor"), content=b"x" * 2048)
    assert response.status_code == 400
    assert "The file is larger than 1.0\xa0KB." in response.content.decode()
    assert not Plan.objects.exists() and stored_files(media) == []


def test_the_text_is_escaped_in_the_review(city):
    text = "2025年工作计划\n\n一、市住建局\n<script>alert(1)</script>签约项目不少于50个。\n"
    plan = imported(city, content=text.encode())
    html = client_for(city, "supervisor").get(reverse("plan-import-review", args=[plan.pk])).content
    assert b"<script>alert" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_review_page_makes_the_same_number_of_queries_whatever_the_items(city):
    small = imported(city)
    more = "".join(
        f"\n{n}、市{name}局\n新增{name}项目不少于{n * 10}个。{name}投资增长{n}%以上。\n"
        for n, name in ((3, "发改"), (4, "工信"), (5, "农业"), (6, "交通"))
    )
    big = imported(city, content=(PLAN_TEXT + more).encode())
    client = client_for(city, "supervisor")
    counts = []
    for plan in (small, big):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("plan-import-review", args=[plan.pk])).status_code == 200
        counts.append(len(queries))
    assert big.import_items.count() > small.import_items.count()
    assert counts[0] == counts[1]


# -- bad files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", b"PK\x03\x04 this is not a word file", "plan.docx: not a valid .docx file"),
        ("plan.exe", b"MZ\x90\x00", "plan.exe: unsupported file type"),
        ("plan.pdf", b"%PDF-1.4 broken", "plan.pdf: not a valid .pdf file"),
        ("plan.txt", b"", "The submitted file is empty."),
        ("plan.txt", b"  \n\n  ", "plan.txt holds no text."),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_writes_nothing(city, media, name, content, message):
    response = upload(client_for(city, "supervisor"), name=name, content=content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "/tmp" not in response.content.decode()  # the engine's temporary path is not shown
    assert not Plan.objects.exists() and not ImportItem.objects.exists()
    assert stored_files(media) == []


def test_start_import_refuses_a_bad_file_with_the_engines_message(city, media):
    with pytest.raises(ValidationError, match=r"broken\.docx: not a valid \.docx file"):
        imported(city, filename="broken.docx", content=b"not a zip")
    with pytest.raises(ValidationError, match="larger than"):
        imported(city, content=b"x" * (importing.max_upload_bytes() + 1))
    assert not Plan.objects.exists() and stored_files(media) == []


def test_a_failed_import_removes_its_stored_file(city, media):
    with pytest.raises(ValidationError):
        importing.start_import(
            city.supervisor,
            title="",  # refused by the model, after reading the document
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
            filename="plan.txt",
            content=PLAN_TEXT.encode(),
        )
    assert not Plan.objects.exists() and stored_files(media) == []


# -- review ---------------------------------------------------------------------------


def test_mapping_an_owner_sets_every_item_and_is_remembered_for_the_next_import(city):
    plan = imported(city)
    client = client_for(city, "supervisor")
    response = client.post(
        reverse("plan-import-owner", args=[plan.pk]),
        {"owner_text": "市商务委", "unit": city.commerce.pk},
    )
    assert response.status_code == 302
    commerce_items = plan.import_items.filter(owner_text="市商务委")
    assert commerce_items.count() >= 3
    assert set(commerce_items.values_list("unit", flat=True)) == {city.commerce.pk}
    alias = OwnerAlias.objects.get(text="市商务委")
    assert alias.unit == city.commerce
    assert alias.history.first().history_user == city.supervisor

    second = imported(city)
    assert set(
        second.import_items.filter(owner_text="市商务委").values_list("unit", flat=True)
    ) == {city.commerce.pk}

    # Mapping again to another unit moves the alias too.
    importing.map_owner(second, city.supervisor, "市商务委", city.housing)
    assert OwnerAlias.objects.get(text="市商务委").unit == city.housing


def row_data(it: ImportItem, **changes) -> dict:
    data = {
        "kind": it.kind,
        "target_kind": it.target_kind,
        "owner_text": it.owner_text,
        "unit": it.unit_id or "",
        "metric": it.metric,
        "comparator": it.comparator,
        "value": "" if it.value is None else it.value,
        "unit_label": it.unit_label,
        "period": it.period,
        "decision": it.decision,
    }
    data.update(changes)
    return data


def test_supervisor_rejects_and_edits_items(city):
    plan = imported(city)
    client = client_for(city, "supervisor")
    growth, signed = item(plan, "社会消费品"), item(plan, "签约项目")
    url = reverse("plan-import-item", args=[plan.pk, growth.pk])
    response = client.post(url, row_data(growth, decision="rejected"))
    assert response.status_code == 302 and response.url.endswith(f"#item-{growth.pk}")
    growth.refresh_from_db()
    assert growth.decision == "rejected"

    url = reverse("plan-import-item", args=[plan.pk, signed.pk])
    response = client.post(
        url, row_data(signed, value="60", metric="签约亿元以上项目", unit=city.commerce.pk)
    )
    assert response.status_code == 302
    signed.refresh_from_db()
    assert (signed.value, signed.metric, signed.unit) == (60, "签约亿元以上项目", city.commerce)
    assert signed.snippet == "签约项目不少于50个"  # the words of the document stay
    assert signed.history.first().history_user == city.supervisor

    # A bad row is shown again with its error, and nothing changes.
    response = client.post(url, row_data(signed, value="lots", comparator="≈"))
    assert response.status_code == 400
    assert b"table-danger" in response.content
    signed.refresh_from_db()
    assert signed.value == 60


def test_supervisor_adds_an_item_linked_to_its_words(city):
    plan = imported(city)
    response = client_for(city, "supervisor").post(
        reverse("plan-import-add-item", args=[plan.pk]),
        row_data(
            ImportItem(kind="target", decision="accepted"),
            target_kind="level",
            metric="零售额增速",
            comparator=">=",
            value="5",
            unit_label="%",
            unit=city.commerce.pk,
            snippet="增长5%以上",
        ),
    )
    assert response.status_code == 302
    added = plan.import_items.get(metric="零售额增速")
    assert added.position == plan.import_items.count()
    assert plan.source_text[added.start_offset : added.end_offset] == "增长5%以上"
    assert added.decision == "accepted" and added.unit == city.commerce


def test_changing_the_owner_text_prefills_a_remembered_unit(city):
    plan = imported(city)
    signed = item(plan, "签约项目")
    importing.update_item(signed, city.supervisor, owner_text="市住建局")
    assert signed.unit == city.housing


# -- confirmation ---------------------------------------------------------------------


def test_confirming_creates_exactly_the_accepted_targets_linked_to_their_snippets(city):
    plan = imported(city)
    client = client_for(city, "supervisor")
    client.post(
        reverse("plan-import-owner", args=[plan.pk]),
        {"owner_text": "市商务委", "unit": city.commerce.pk},
    )
    importing.set_decision(item(plan, "社会消费品"), city.supervisor, "rejected")
    accepted = list(plan.import_items.filter(decision="accepted", kind="target"))

    response = client.post(reverse("plan-import-confirm", args=[plan.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "confirmed" and plan.confirmed_by == city.supervisor
    targets = list(plan.targets.all())
    assert len(targets) == len(accepted) == 3
    assert {t.pk for t in targets} == {it.target_id for it in plan.import_items.all()} - {None}
    for target in targets:
        assert target.source_snippet
        assert plan.source_text[target.source_start : target.source_end] == target.source_snippet
        assert target.original_value == target.value
        assert target.history.first().history_user == city.supervisor

    signed = Target.objects.get(plan=plan, name="签约项目")
    assert (signed.unit, signed.kind, signed.comparator, signed.value, signed.unit_label) == (
        city.commerce,
        "cumulative",
        ">=",
        50,
        "个",
    )
    hazards = Target.objects.get(plan=plan, kind="zero")
    assert (hazards.unit, hazards.start, hazards.end) == (
        city.housing,
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    policy = Target.objects.get(plan=plan, kind="milestone")
    assert policy.comparator == ">=" and policy.value is None
    assert list(Milestone.objects.filter(target=policy).values_list("name", "due")) == [
        (policy.name, date(2025, 6, 30))
    ]
    assert not Target.objects.filter(plan=plan, name__contains="社会消费品").exists()

    page = client.get(reverse("plan-import-review", args=[plan.pk]))
    assert page.status_code == 200 and b'id="import-targets"' in page.content

    # Confirming again creates nothing more.
    importing.confirm_import(plan, city.supervisor)
    assert plan.targets.count() == 3


def test_confirming_is_refused_with_a_list_when_an_item_has_no_unit(city):
    plan = imported(city)
    signed = item(plan, "签约项目")
    importing.update_item(item(plan, "重大事故"), city.supervisor, target_kind="growth", value=None)
    response = client_for(city, "supervisor").post(reverse("plan-import-confirm", args=[plan.pk]))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="import-problems"' in html
    assert f"Item {signed.position} has no unit." in html
    assert f"Item {item(plan, '重大事故').position} (Growth) has no value." in html
    plan.refresh_from_db()
    assert plan.status == "draft" and not plan.targets.exists()

    with pytest.raises(ValidationError) as refused:
        importing.confirm_import(plan, city.supervisor)
    assert len(refused.value.messages) == 4  # three 市商务委 items without a unit, one value


def test_a_confirmed_import_cannot_change(city):
    plan = imported(city)
    importing.map_owner(plan, city.supervisor, "市商务委", city.commerce)
    importing.confirm_import(plan, city.supervisor)
    with pytest.raises(ValidationError, match="confirmed"):
        importing.update_item(item(plan, "签约项目"), city.supervisor, value=1)
    with pytest.raises(ValidationError, match="confirmed"):
        importing.add_item(plan, city.supervisor, metric="x", snippet="x")


@pytest.mark.parametrize(
    ("period", "start", "end", "due"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31), None),
        ("2027", date(2025, 1, 1), date(2027, 12, 31), None),
        ("2025-06-30", date(2025, 1, 1), date(2025, 6, 30), date(2025, 6, 30)),
        ("2025-09", date(2025, 9, 1), date(2025, 9, 30), None),
        ("2025H1", date(2025, 1, 1), date(2025, 6, 30), None),
        ("2025Q1-Q3", date(2025, 1, 1), date(2025, 9, 30), None),
        ("2025M01-M04", date(2025, 1, 1), date(2025, 4, 30), None),
        ("", date(2025, 1, 1), date(2025, 12, 31), None),
        ("2025春节假期", date(2025, 1, 1), date(2025, 12, 31), None),
    ],
)
def test_an_items_period_gives_the_targets_dates(period, start, end, due):
    plan = Plan(title="p", start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert importing.period_dates(period, plan) == (start, end, due)


# -- who may ---------------------------------------------------------------------------

OTHERS = [p for p in PERSONAS if p != "supervisor"]


@pytest.mark.parametrize("persona", OTHERS)
def test_only_supervisors_import_plans(city, media, persona):
    plan = imported(city)
    it = item(plan, "签约项目")
    client = client_for(city, persona)
    pages = [reverse("plan-import"), reverse("plan-import-review", args=[plan.pk])]
    parse = reverse("plan-import-parse", args=[plan.pk]) + "?text=签约项目不少于50个"
    posts = [
        (reverse("plan-import-item", args=[plan.pk, it.pk]), row_data(it, value="1")),
        (reverse("plan-import-items", args=[plan.pk]), table_data(plan, {it.pk: {"value": "1"}})),
        (
            reverse("plan-import-defaults", args=[plan.pk]),
            {"default_cadence": "quarter", "default_due_day": "9"},
        ),
        (
            reverse("plan-import-owner-unit", args=[plan.pk]),
            {"owner_text": "市商务委", "parent": city.city.pk},
        ),
        (reverse("plan-import-add-item", args=[plan.pk]), row_data(it, snippet="x")),
        (
            reverse("plan-import-owner", args=[plan.pk]),
            {"owner_text": "市商务委", "unit": city.commerce.pk},
        ),
        (reverse("plan-import-confirm", args=[plan.pk]), {}),
    ]
    if persona is None:
        for url in pages + [parse] + [url for url, _ in posts]:
            response = client.get(url) if url in pages + [parse] else client.post(url)
            assert response.status_code == 302 and "/accounts/login/" in response.url
        return
    assert client.get(pages[0]).status_code == 403
    assert upload(client).status_code == 403
    assert client.get(pages[1]).status_code == 404  # a draft plan is not theirs to know of
    assert client.get(parse).status_code == 404
    for url, data in posts:
        assert client.post(url, data).status_code == 403
    assert Plan.objects.count() == 1 and plan.import_items.count() == len(ImportItem.objects.all())
    it.refresh_from_db()
    assert it.value == 50 and not OwnerAlias.objects.exists() and not plan.targets.exists()
    plan.refresh_from_db()
    assert plan.default_cadence == "month" and not Unit.objects.filter(name="市商务委").exists()


def test_actions_refuse_non_supervisors(city):
    plan = imported(city)
    with pytest.raises(PermissionDenied):
        imported_by = city.commerce_approver
        importing.start_import(
            imported_by,
            title="x",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
            filename="plan.txt",
            content=PLAN_TEXT.encode(),
        )
    for call in (
        lambda: importing.update_item(item(plan, "签约"), city.leader, value=1),
        lambda: importing.add_item(plan, city.leader, metric="x"),
        lambda: importing.map_owner(plan, city.leader, "市商务委", city.commerce),
        lambda: importing.confirm_import(plan, city.leader),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_missing_plans_are_404_for_supervisors(city):
    client = client_for(city, "supervisor")
    assert client.get(reverse("plan-import-review", args=[999])).status_code == 404
    assert client.post(reverse("plan-import-confirm", args=[999])).status_code == 404


def test_the_upload_form_is_shown_to_supervisors(city):
    response = client_for(city, "supervisor").get(reverse("plan-import"))
    assert response.status_code == 200
    assert re.search(rb'<input[^>]+type="file"[^>]+name="file"', response.content)


# -- cadence and cooperating units (issue 9) ----------------------------------------------

COOPERATING_TEXT = (
    "2025年招商工作要点\n\n"
    "1. 全年签约项目不少于50个（市商务局、市住建局、市数据局负责）。\n"
    "2. 推动重大事故隐患动态清零（市住建局负责）。\n"
)


@pytest.mark.parametrize(
    ("text", "lead", "others"),
    [
        ("市工信局、市科技局、市数据局负责", "市工信局", ["市科技局", "市数据局"]),
        ("市商务局", "市商务局", []),
        ("市人力资源和社会保障局牵头", "市人力资源和社会保障局", []),
        ("市发改委，市统计局，市发改委", "市发改委", ["市统计局"]),
        ("", "", []),
    ],
)
def test_an_owner_text_names_a_lead_and_cooperating_units(text, lead, others):
    assert importing.split_owner(text) == (lead, others)


def test_imported_targets_get_the_plans_default_cadence_unless_their_item_differs(city):
    plan = imported(city)
    assert (plan.default_cadence, plan.default_due_day) == ("month", 5)
    importing.map_owner(plan, city.supervisor, "市商务委", city.commerce)
    importing.set_import_defaults(plan, city.supervisor, cadence="quarter", due_day=10)
    importing.update_item(item(plan, "签约项目"), city.supervisor, cadence="month")
    importing.update_item(item(plan, "重大事故"), city.supervisor, cadence="none")
    importing.confirm_import(plan, city.supervisor)

    cadences = {t.name: (t.cadence, t.due_day) for t in plan.targets.all()}
    assert cadences["签约项目"] == ("month", 10)
    assert cadences["社会消费品零售总额增长"] == ("quarter", 10)
    assert next(v for k, v in cadences.items() if "事故隐患" in k) == ("", 10)
    plan.refresh_from_db()
    assert plan.history.filter(history_change_reason="import defaults").get().history_user == (
        city.supervisor
    )


def test_import_defaults_are_refused_when_unknown_or_after_confirmation(city):
    plan = imported(city)
    with pytest.raises(ValidationError):
        importing.set_import_defaults(plan, city.supervisor, cadence="weekly", due_day=5)
    with pytest.raises(ValidationError):
        importing.set_import_defaults(plan, city.supervisor, cadence="month", due_day=31)
    with pytest.raises(ValidationError):
        importing.update_item(item(plan, "签约项目"), city.supervisor, cadence="daily")
    plan.refresh_from_db()
    assert (plan.default_cadence, plan.default_due_day) == ("month", 5)


def test_several_owners_become_a_lead_target_with_milestone_parts_for_the_others(city):
    plan = imported(city, content=COOPERATING_TEXT.encode())
    signed = item(plan, "签约项目")
    assert (signed.owner_text, signed.cooperating_text) == ("市商务局", "市住建局、市数据局")
    assert signed.unit == city.commerce

    with pytest.raises(ValidationError) as refused:
        importing.confirm_import(plan, city.supervisor)
    assert refused.value.messages == [
        f"Item {signed.position}: the cooperating unit “市数据局” is not a unit yet."
    ]
    importing.map_owner(plan, city.supervisor, "市数据局", city.housing_team)
    importing.confirm_import(plan, city.supervisor)

    lead = Target.objects.get(plan=plan, name__contains="签约项目", part_of=None)
    assert (lead.unit, lead.kind, lead.value) == (city.commerce, "cumulative", 50)
    parts = list(lead.parts.order_by("pk"))
    assert [(p.unit, p.kind, p.value) for p in parts] == [
        (city.housing, "milestone", None),
        (city.housing_team, "milestone", None),
    ]
    assert all(p.milestones.get().due == lead.end for p in parts)
    assert all(p.cadence == "month" for p in parts)


def test_typing_several_owners_into_a_row_splits_them(city):
    plan = imported(city)
    row = item(plan, "签约项目")
    importing.update_item(row, city.supervisor, owner_text="市住建局、市商务局负责")
    row.refresh_from_db()
    assert (row.owner_text, row.cooperating_text, row.unit) == (
        "市住建局",
        "市商务局",
        city.housing,
    )


# -- the review table saved at once; defaults; units created in place; selections ---------

TABLE_FIELDS = (
    "kind",
    "target_kind",
    "owner_text",
    "cooperating_text",
    "unit",
    "metric",
    "comparator",
    "value",
    "unit_label",
    "period",
    "cadence",
    "decision",
)


def table_data(plan, changes: dict[int, dict]) -> dict:
    """The whole review table as the browser sends it, with `changes` by item id."""
    items = list(plan.import_items.order_by("position", "pk"))
    data = {
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for i, it in enumerate(items):
        row = {name: getattr(it, name) for name in TABLE_FIELDS}
        row["unit"] = it.unit_id or ""
        row["value"] = "" if it.value is None else it.value
        row.update(changes.get(it.pk, {}))
        data[f"items-{i}-id"] = it.pk
        data.update({f"items-{i}-{name}": value for name, value in row.items()})
    return data


def test_one_save_keeps_every_rows_edit(city):
    plan = imported(city)
    growth, signed = item(plan, "社会消费品"), item(plan, "签约项目")
    client = client_for(city, "supervisor")
    response = client.post(
        reverse("plan-import-items", args=[plan.pk]),
        table_data(
            plan,
            {
                growth.pk: {"decision": "rejected"},
                signed.pk: {"value": "60", "unit": city.commerce.pk, "cadence": "quarter"},
            },
        ),
    )
    assert response.status_code == 302
    growth.refresh_from_db()
    signed.refresh_from_db()
    assert growth.decision == "rejected"
    assert (signed.value, signed.unit, signed.cadence) == (60, city.commerce, "quarter")
    assert signed.history.first().history_user == city.supervisor
    # Rows not changed are not written again.
    assert item(plan, "重大事故").history.count() == 1


def test_a_bad_row_refuses_the_whole_table_and_loses_no_edit(city):
    plan = imported(city)
    growth, signed = item(plan, "社会消费品"), item(plan, "签约项目")
    response = client_for(city, "supervisor").post(
        reverse("plan-import-items", args=[plan.pk]),
        table_data(plan, {growth.pk: {"metric": "社零额增速"}, signed.pk: {"value": "lots"}}),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r">\s*社零额增速</textarea>", html)  # the good row's unsaved edit stays
    assert "table-danger" in html and 'id="import-problems"' in html
    growth.refresh_from_db()
    assert growth.metric == "社会消费品零售总额增长"


def test_the_table_cannot_reach_another_plans_items_or_add_rows(city):
    plan, other = imported(city), imported(city)
    foreign = item(other, "签约项目")
    data = table_data(plan, {})
    data["items-0-id"] = foreign.pk
    data["items-0-value"] = "999"
    client = client_for(city, "supervisor")
    assert client.post(reverse("plan-import-items", args=[plan.pk]), data).status_code == 400
    foreign.refresh_from_db()
    assert foreign.value == 50
    broken = {k: v for k, v in table_data(plan, {}).items() if "TOTAL_FORMS" not in k}
    assert client.post(reverse("plan-import-items", args=[plan.pk]), broken).status_code == 400


def test_the_reporting_defaults_are_set_on_the_review_screen(city):
    plan = imported(city)
    client = client_for(city, "supervisor")
    page = client.get(reverse("plan-import-review", args=[plan.pk])).content.decode()
    assert 'id="import-defaults"' in page
    assert re.search(r'<option value="month" selected>', page)
    url = reverse("plan-import-defaults", args=[plan.pk])
    assert (
        client.post(url, {"default_cadence": "quarter", "default_due_day": "10"}).status_code == 302
    )
    plan.refresh_from_db()
    assert (plan.default_cadence, plan.default_due_day) == ("quarter", 10)
    assert (
        client.post(url, {"default_cadence": "quarter", "default_due_day": "40"}).status_code == 400
    )
    plan.refresh_from_db()
    assert plan.default_due_day == 10


def test_an_unmatched_owner_becomes_a_new_unit_in_place(city):
    plan = imported(city)
    client = client_for(city, "supervisor")
    page = client.get(reverse("plan-import-review", args=[plan.pk])).content.decode()
    assert reverse("plan-import-owner-unit", args=[plan.pk]) in page
    response = client.post(
        reverse("plan-import-owner-unit", args=[plan.pk]),
        {"owner_text": "市商务委", "parent": city.city.pk},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="市商务委")
    assert (unit.parent, unit.kind, unit.is_active) == (city.city, "department", True)
    assert unit.history.get().history_user == city.supervisor
    assert set(plan.import_items.filter(owner_text="市商务委").values_list("unit", flat=True)) == {
        unit.pk
    }
    assert OwnerAlias.objects.get(text="市商务委").unit == unit
    # A cooperating unit the city lacks is offered the same way.
    coop = imported(city, content=COOPERATING_TEXT.encode())
    page = client.get(reverse("plan-import-review", args=[coop.pk])).content.decode()
    assert "市数据局" in page and "imp-owner-create" in page


def test_a_selection_is_read_on_the_server(city):
    plan = imported(city)
    response = client_for(city, "supervisor").get(
        reverse("plan-import-parse", args=[plan.pk]), {"text": "签约项目不少于50个"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "snippet": "签约项目不少于50个",
        "metric": "签约项目",
        "comparator": ">=",
        "value": 50.0,
        "unit": "个",
        "target_kind": "cumulative",
    }


def test_choosing_the_file_first_prefills_title_and_dates_and_keeps_the_file(city, media):
    client = client_for(city, "supervisor")
    text = "2026年全市商务工作要点\n\n签约项目不少于50个。\n"
    response = client.post(
        reverse("plan-import"), {"file": SimpleUploadedFile("要点.txt", text.encode())}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="2026年全市商务工作要点"' in html
    assert re.search(r'name="start"[^>]*value="2026-01-01"', html)
    assert re.search(r'name="end"[^>]*value="2026-12-31"', html)
    assert "要点.txt" in html and not Plan.objects.exists()
    # A refused second step keeps the file: no need to choose it again.
    response = client.post(
        reverse("plan-import"), {"title": "", "start": "2026-01-01", "end": "2025-12-31"}
    )
    assert response.status_code == 400
    assert "要点.txt" in response.content.decode()
    response = client.post(
        reverse("plan-import"),
        {"title": "2026年全市商务工作要点", "start": "2026-01-01", "end": "2026-12-31"},
    )
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.source_file.read().decode() == text and plan.start == date(2026, 1, 1)
    assert [p.name for p in stored_files(media)] == [plan.source_file.name.split("/")[-1]]


def test_a_kept_file_is_only_its_uploaders(city, media):
    supervisor = client_for(city, "supervisor")
    supervisor.post(
        reverse("plan-import"), {"file": SimpleUploadedFile("a.txt", PLAN_TEXT.encode())}
    )
    from luoshi.orgs.models import Membership, User

    other = User.objects.create_user(username="supervisor2", password="x")
    Membership.objects.create(user=other, unit=city.office, role="supervisor")
    response = client_for(city, "supervisor2").post(
        reverse("plan-import"),
        {"title": "x", "start": "2025-01-01", "end": "2025-12-31"},
    )
    assert response.status_code == 400 and not Plan.objects.exists()


def test_a_unit_the_city_has_is_not_created_twice(city):
    plan = imported(city)
    importing.update_item(item(plan, "签约项目"), city.supervisor, owner_text="市商务委", unit=None)
    client = client_for(city, "supervisor")
    response = client.post(
        reverse("plan-import-owner-unit", args=[plan.pk]),
        {"owner_text": "市商务局", "parent": city.city.pk},
        follow=True,
    )
    assert "exists already" in response.content.decode()
    assert Unit.objects.filter(name="市商务局").count() == 1
    response = client.post(
        reverse("plan-import-owner-unit", args=[plan.pk]),
        {"owner_text": "市" * 150, "parent": city.city.pk},
    )
    assert response.status_code == 302 and Unit.objects.count() == 5
