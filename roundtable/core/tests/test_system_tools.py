"""Without Chromium, Java or the npm packages, `make test` skips what needs them and lists
it in red at the end; under CI=true those tests fail instead."""

import pytest

import conftest
from roundtable.core.tests import system_tools


class FakeItem:
    """A collected test with markers, as the collection hook sees it."""

    def __init__(self, *markers: str) -> None:
        self.keywords = dict.fromkeys(markers, True)
        self.stash = pytest.Stash()
        self.added: list = []

    def add_marker(self, marker) -> None:
        self.added.append(marker)


class FakeConfig:
    pass


@pytest.fixture
def nothing_installed(monkeypatch, tmp_path):
    monkeypatch.setattr(system_tools, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(system_tools, "JAVA", "no-such-java-binary")
    monkeypatch.setattr(system_tools, "VNU_JAR", tmp_path / "no-vnu.jar")
    monkeypatch.setattr(system_tools, "AXE_JS", tmp_path / "no-axe.min.js")


def _items():
    return [
        FakeItem("browser"),
        FakeItem("browser"),
        FakeItem("htmlcheck"),
        FakeItem("axe", "browser"),
        FakeItem(),
    ]


def test_missing_tools_are_skipped_and_counted_in_the_summary(nothing_installed, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    items = _items()
    config = FakeConfig()

    conftest._skip_tests_without_their_tools(config, items)

    assert [len(item.added) for item in items] == [1, 1, 1, 1, 0]
    assert all(item.added[0].name == "skip" for item in items[:4])
    lines = system_tools.summary(config._roundtable_not_checked)
    assert lines[0] == (
        "NOT CHECKED (2): browser journeys (chromium missing), "
        "HTML validity (java missing, vnu-jar missing)"
    )
    assert lines[1].startswith("  browser journeys (chromium missing): 3 tests; install:")
    assert lines[2].startswith("  HTML validity (java missing, vnu-jar missing): 1 test; install:")


def test_only_the_missing_tool_is_reported(nothing_installed, monkeypatch, tmp_path):
    chromium = tmp_path / "chromium"
    chromium.touch()
    monkeypatch.setattr(system_tools, "CHROMIUM", str(chromium))
    entries = [entry for entry, _items_ in system_tools.not_checked(_items())]
    assert [(entry.tool.marker, entry.why, entry.count) for entry in entries] == [
        ("htmlcheck", ["java missing", "vnu-jar missing"], 1),
        ("axe", ["axe-core missing"], 1),
    ]


def test_nothing_is_listed_when_every_tool_is_there(monkeypatch, tmp_path):
    for name in ("chromium", "vnu.jar", "axe.min.js"):
        (tmp_path / name).touch()
    monkeypatch.setattr(system_tools, "CHROMIUM", str(tmp_path / "chromium"))
    monkeypatch.setattr(system_tools, "VNU_JAR", tmp_path / "vnu.jar")
    monkeypatch.setattr(system_tools, "AXE_JS", tmp_path / "axe.min.js")
    monkeypatch.setattr(system_tools, "java_path", lambda: "/usr/bin/java")
    assert system_tools.not_checked(_items()) == []
    assert system_tools.summary([]) == []


def test_under_ci_a_missing_tool_fails_its_tests(nothing_installed, monkeypatch):
    monkeypatch.setenv("CI", "true")
    items = _items()
    config = FakeConfig()

    conftest._skip_tests_without_their_tools(config, items)

    # Nothing is skipped, so nothing reaches the "not checked" list...
    assert not any(item.added for item in items)
    assert not hasattr(config, "_roundtable_not_checked")
    # ...and each test that needs a missing tool fails when it starts.
    with pytest.raises(pytest.fail.Exception, match=r"CI=true needs every tool.*chromium missing"):
        conftest.pytest_runtest_setup(items[0])
    with pytest.raises(pytest.fail.Exception, match="java missing"):
        conftest.pytest_runtest_setup(items[2])
    conftest.pytest_runtest_setup(items[4])
