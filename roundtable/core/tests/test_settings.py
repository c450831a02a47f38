"""The settings module: environment-driven, safe in production, loud when misconfigured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a" * 20 + "-production-secret-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "roundtable.example.org",
    "SITE_URL": "https://roundtable.example.org",
    "DATABASE_URL": "sqlite:////tmp/roundtable-deploy-check.sqlite3",
}


def _manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    # The child process sees production values only, never the test run's own settings
    # (nor the async-safety switch that the browser journeys turn on).
    inherited = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_secret_key_outside_debug_stops_startup_with_a_clear_message():
    env = {**PRODUCTION_ENV}
    del env["SECRET_KEY"]
    result = _manage("check", env={**env, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deploy_check_with_production_values_prints_no_warning():
    result = _manage("check", "--deploy", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stderr


def test_env_example_documents_every_variable_the_settings_read():
    import re

    settings_source = (ROOT / "roundtable" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read <= documented, f"undocumented: {sorted(read - documented)}"
