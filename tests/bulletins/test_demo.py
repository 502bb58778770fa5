"""The demo city has two issued bulletins and this month's draft, loaded once."""

from io import StringIO

from django.core.management import call_command

from luoshi.bulletins.models import Bulletin


def test_the_demo_has_two_issued_bulletins_and_a_draft_once(db, settings):
    settings.LUOSHI_TODAY = None
    call_command("load_demo", stdout=StringIO())
    issued = Bulletin.objects.filter(status="issued").order_by("number")
    assert [b.issue_label for b in issued] == ["2025年第1期", "2025年第2期"]
    first, second = issued
    assert second.figures["previous"]["label"] == first.issue_label
    assert "与上期（2025年第1期" in second.sections["overview"]
    draft = Bulletin.objects.get(status="draft")
    assert draft.figures["previous"]["label"] == "2025年第2期"
    assert "（一）抓紧补齐短板。" in draft.sections["requirements"]
    call_command("load_demo", stdout=StringIO())
    assert Bulletin.objects.count() == 3
