"""Settings for the test suite: the real settings with a test-only SECRET_KEY."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")

from luoshi.settings import *  # noqa: E402,F403
