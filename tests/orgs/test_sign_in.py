"""Sign-in, lockout, sign-out, CSRF and the security headers."""

from django.test import Client

from tests.personas import PASSWORD


def sign_in(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_reporter_signs_in_and_lands_on_home(city):
    client = Client()
    response = sign_in(client, "commerce-reporter", PASSWORD)
    assert response.status_code == 302 and response.url == "/"
    home = client.get("/")
    assert "市商务局" in home.content.decode()


def test_wrong_password_is_refused_with_a_message(city):
    client = Client()
    response = sign_in(client, "commerce-reporter", "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_even_for_the_right_password(city, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "commerce-reporter", "wrong")
    response = sign_in(client, "commerce-reporter", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_does_not_touch_other_accounts(city, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "commerce-reporter", "wrong")
    assert sign_in(client, "housing-reporter", PASSWORD).status_code == 302


def test_sign_out_ends_the_session(city):
    client = city.client("commerce-reporter")
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_password_change_works_and_needs_the_old_password(city):
    client = city.client("commerce-reporter")
    refused = client.post(
        "/accounts/password/",
        {
            "old_password": "nope",
            "new_password1": "Qh-new-pass-2025",
            "new_password2": "Qh-new-pass-2025",
        },
    )
    assert refused.status_code == 200
    client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Qh-new-pass-2025",
            "new_password2": "Qh-new-pass-2025",
        },
    )
    city.commerce_reporter.refresh_from_db()
    assert city.commerce_reporter.check_password("Qh-new-pass-2025")


def test_form_post_without_csrf_token_is_refused(city):
    client = Client(enforce_csrf_checks=True)
    response = sign_in(client, "commerce-reporter", PASSWORD)
    assert response.status_code == 403


def test_pages_carry_a_content_security_policy_of_our_own_files_only(city):
    response = Client().get("/accounts/login/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_login_page_is_chinese_by_default_and_english_on_request(db):
    assert "登录" in Client().get("/accounts/login/").content.decode()
    english = Client(headers={"accept-language": "en"}).get("/accounts/login/")
    assert "Sign in" in english.content.decode()


def test_language_switch_sets_english(city):
    client = city.client("commerce-reporter")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Your units and roles" in client.get("/").content.decode()
