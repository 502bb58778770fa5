"""The public-page form posts through a form: ids that are no row, or another plan's
target, are left out; a checkbox value is read as a checkbox."""

from luoshi.dashboards.models import Publication


def test_only_this_plans_targets_are_published_whatever_else_is_posted(plan_city):
    c = plan_city
    junk = ["x", "²", "9" * 5000, "-1", str(c.signed.pk), str(c.signed.pk)]
    response = c.client("supervisor").post(f"/plans/{c.plan.pk}/public/", {"target": junk})
    assert response.status_code == 302
    assert list(Publication.objects.values_list("target_id", "is_active")) == [(c.signed.pk, True)]


def test_unchecking_everything_unpublishes(plan_city):
    c = plan_city
    client = c.client("supervisor")
    client.post(f"/plans/{c.plan.pk}/public/", {"whole": "on"})
    assert Publication.objects.filter(target=None, is_active=True).exists()
    assert client.post(f"/plans/{c.plan.pk}/public/", {}).status_code == 302
    assert not Publication.objects.filter(is_active=True).exists()
