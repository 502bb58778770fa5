"""Shared fixtures."""

import pytest

from tests.personas import city, plan_city  # noqa: F401  (fixture re-export)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use MD5."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files land in a temporary folder, never in var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
