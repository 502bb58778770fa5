"""The demo city, password hashing and settings that must refuse to start."""

import os
import subprocess
import sys

from django.contrib.auth.hashers import identify_hasher
from django.core.management import call_command

from luoshi.demo.city import DEMO_PASSWORD
from luoshi.orgs.models import Membership, Unit, User


def test_demo_city_loads_once_and_its_logins_work(db, capsys):
    call_command("load_demo")
    counts = (Unit.objects.count(), User.objects.count(), Membership.objects.count())
    assert counts[0] >= 15 and counts[1] >= 20
    call_command("load_demo")
    assert (Unit.objects.count(), User.objects.count(), Membership.objects.count()) == counts
    printed = capsys.readouterr().out
    for username in ("supervisor", "leader", "commerce-approver", "commerce-reporter"):
        assert username in printed
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
    reporter = User.objects.get(username="commerce-reporter")
    assert reporter.memberships.get().unit.name == "市商务局"


def test_passwords_are_hashed_with_argon2(db, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = User.objects.create_user("hashme", password="a-long-password-1")
    assert identify_hasher(user.password).algorithm == "argon2"


def _import_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import luoshi.settings as s; print(s.DEBUG, len(s.SECRET_KEY))"],
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _import_settings({"LUOSHI_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_and_local_demo_generates_a_key(tmp_path):
    assert _import_settings({"SECRET_KEY": "x" * 50}).stdout.split()[0] == "False"
    result = _import_settings({"DEBUG": "true", "LUOSHI_VAR_DIR": str(tmp_path)})
    assert result.stdout.split() == ["True", str(len((tmp_path / "secret_key").read_text()))]
