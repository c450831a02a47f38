"""The tools some tests need that are not Python: Chromium, Java and the npm packages.

A test that needs one carries its marker (`browser`, `htmlcheck`, `axe`). Without the tool,
`make test` skips those tests, runs everything else, and ends with a red, counted list of
what it could not check; under `CI=true` the same tests fail instead, so CI never passes
without having checked them. `.ci/run` installs the tools; the README lists them.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"
JAVA = "java"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NPM_HINT = "`npm ci` (make test runs it)"


def java_path() -> str | None:
    return shutil.which(JAVA)


def _missing_chromium() -> list[str]:
    return [] if os.path.exists(CHROMIUM) else ["chromium missing"]


def _missing_htmlcheck() -> list[str]:
    missing = [] if java_path() else ["java missing"]
    if not Path(VNU_JAR).exists():
        missing.append("vnu-jar missing")
    return missing


def _missing_axe() -> list[str]:
    missing = _missing_chromium()
    if not Path(AXE_JS).exists():
        missing.append("axe-core missing")
    return missing


@dataclass(frozen=True)
class Tool:
    marker: str
    label: str
    install: str

    def missing(self) -> list[str]:
        return {"browser": _missing_chromium, "htmlcheck": _missing_htmlcheck, "axe": _missing_axe}[
            self.marker
        ]()


TOOLS = (
    Tool("browser", "browser journeys", "apt-get install -y chromium"),
    Tool("htmlcheck", "HTML validity", f"apt-get install -y default-jre-headless; {NPM_HINT}"),
    Tool("axe", "accessibility (axe)", f"apt-get install -y chromium; {NPM_HINT}"),
)


@dataclass
class NotChecked:
    """Tests of one kind that cannot run here, and why."""

    tool: Tool
    why: list[str]
    count: int

    def line(self) -> str:
        tests = "test" if self.count == 1 else "tests"
        return f"{self.tool.label} ({', '.join(self.why)}): {self.count} {tests}"


def not_checked(items) -> list[tuple[NotChecked, list]]:
    """For each tool that is missing: what cannot be checked, and the collected tests that
    need it (a test needing two missing tools counts under the first)."""
    found = []
    claimed: set[int] = set()
    for tool in TOOLS:
        needing = [item for item in items if tool.marker in item.keywords]
        needing = [item for item in needing if id(item) not in claimed]
        if not needing:
            continue
        why = tool.missing()
        if not why:
            continue
        claimed.update(id(item) for item in needing)
        found.append((NotChecked(tool, why, len(needing)), needing))
    return found


def summary(entries: list[NotChecked]) -> list[str]:
    """The red lines `make test` ends with: a headline, then one line per tool."""
    if not entries:
        return []
    headline = f"NOT CHECKED ({len(entries)}): " + ", ".join(
        f"{entry.tool.label} ({', '.join(entry.why)})" for entry in entries
    )
    details = [f"  {entry.line()}; install: {entry.tool.install}" for entry in entries]
    return [headline, *details]
