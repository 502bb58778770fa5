"""The password-change form locks out like the sign-in page (django-axes)."""

from django.test import Client

from tests.personas import PASSWORD

NEW = "Qh-new-pass-2025"


def change(client, old_password: str):
    return client.post(
        "/accounts/password/",
        {"old_password": old_password, "new_password1": NEW, "new_password2": NEW},
    )


def test_repeated_wrong_old_passwords_lock_the_form_even_for_the_right_one(city, settings):
    client = city.client("commerce-reporter")
    answers = [change(client, f"guess-{n}").status_code for n in range(settings.AXES_FAILURE_LIMIT)]
    # Wrong guesses re-show the form; the last one allowed locks the account.
    assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    locked = change(client, PASSWORD)
    assert locked.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in locked.templates]
    city.commerce_reporter.refresh_from_db()
    assert city.commerce_reporter.check_password(PASSWORD)  # not changed


def test_the_lockout_also_closes_the_sign_in_page_for_that_account(city, settings):
    client = city.client("commerce-reporter")
    for n in range(settings.AXES_FAILURE_LIMIT):
        change(client, f"guess-{n}")
    sign_in = Client().post(
        "/accounts/login/", {"username": "commerce-reporter", "password": PASSWORD}
    )
    assert sign_in.status_code == 429
    # Another person's account is not touched.
    assert change(city.client("housing-reporter"), PASSWORD).status_code == 302


def test_failures_on_the_sign_in_page_count_towards_the_form_too(city, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/accounts/login/", {"username": "commerce-reporter", "password": "x"})
    assert change(city.client("commerce-reporter"), PASSWORD).status_code == 429


def test_a_few_wrong_guesses_then_the_right_password_still_changes_it(city, settings):
    client = city.client("commerce-reporter")
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert change(client, f"guess-{n}").status_code == 200
    assert change(client, PASSWORD).status_code == 302
    city.commerce_reporter.refresh_from_db()
    assert city.commerce_reporter.check_password(NEW)


def test_a_mismatched_new_password_is_not_counted_as_a_guess(city, settings):
    client = city.client("commerce-reporter")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            "/accounts/password/",
            {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW + "x"},
        )
        assert response.status_code == 200
    assert change(client, PASSWORD).status_code == 302
