"""Every page type is valid HTML, as the Nu Html Checker (vnu-jar, pinned in package.json)
judges it: in two languages, signed out and signed in.

The pages are rendered once per module with the test client, written to a temporary folder
and checked in one run of the checker (one start of Java, a few seconds).
"""

import json
import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from roundtable.core.tests import system_tools
from roundtable.core.tests.page_types import page_types, sign_in

pytestmark = [pytest.mark.htmlcheck, pytest.mark.django_db]
LANGUAGES = ("en", "hr")
CHECKER_TIMEOUT = 300


def _file_name(index: int, language: str, who: str, name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"{index:03d}-{language}-{who}-{slug}.html"


def run_checker(files: list[Path]) -> dict[str, list[str]]:
    """The checker's errors per file name (files without errors are left out)."""
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [
            system_tools.java_path(),
            "-jar",
            str(system_tools.VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=CHECKER_TIMEOUT,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = Path(message.get("url", "").removeprefix("file:")).name or "(checker)"
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        extract = message.get("extract", "").strip()
        errors.setdefault(name, []).append(
            f"{where}{message['message']}" + (f"\n      {extract}" if extract else "")
        )
    return errors


@pytest.fixture(scope="module")
def checked_pages(demo_content, django_db_blocker, tmp_path_factory):
    """Every page type, rendered, and what the checker says about each."""
    folder = tmp_path_factory.mktemp("html-validity")
    canary = folder / CANARY
    canary.write_text(CANARY_HTML)
    files = []
    problems = []
    client = Client()
    with django_db_blocker.unblock():
        for language in LANGUAGES:
            for index, page in enumerate(page_types(language)):
                sign_in(client, page.who)
                response = client.get(page.url)
                if response.status_code != page.status:
                    problems.append(f"{page.name} ({page.who}) {page.url}: {response.status_code}")
                    continue
                path = folder / _file_name(index, language, page.who, page.name)
                path.write_bytes(response.content)
                files.append(path)
    errors = run_checker([canary, *files])
    return files, problems, errors


CANARY = "canary-invalid.html"
# A page with the mistakes the checker found before: the test of the check itself.
CANARY_HTML = (
    '<!DOCTYPE html><html lang="en"><title>x</title>'
    '<form action=""></form><form hx-post="/x"></form><span><form></form></span>'
    '<span class="helptext"><ul><li>x</li></ul></span>'
    '<time datetime="2026-12-02T14:00:00.123456+00:00">now</time></html>'
)


def test_every_page_type_is_valid_html(checked_pages):
    files, problems, errors = checked_pages
    errors = {name: messages for name, messages in errors.items() if name != CANARY}
    assert not problems, "Pages that did not open:\n" + "\n".join(problems)
    assert len(files) > 100
    count = sum(len(messages) for messages in errors.values())
    report = "\n".join(
        f"{name}:\n" + "\n".join(f"  - {message}" for message in messages)
        for name, messages in sorted(errors.items())
    )
    assert not errors, (
        f"The Nu Html Checker found {count} errors on {len(errors)} of {len(files)} pages:\n"
        f"{report}"
    )


def test_the_checker_reports_invalid_html(checked_pages):
    """The check itself works: a broken page is reported, with its file and messages."""
    _files, _problems, errors = checked_pages
    text = "\n".join(errors[CANARY])
    assert "“form” not allowed as child of element “span”" in text
    assert "Bad value “” for attribute “action” on element “form”" in text
    assert "Attribute “hx-post” not allowed on element “form”" in text
    assert "Element “ul” not allowed as child of element “span”" in text
    assert "attribute “datetime” on element “time”" in text
