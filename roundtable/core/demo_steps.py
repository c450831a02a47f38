"""The demo content registry: each capability contributes steps from its own `demo.py`.

An app's `demo.py` defines `ORDER` (lower runs first) and `steps()`, a list of
(label, function) pairs. Every step must be idempotent: `make demo` runs on every
`make run`.
"""

from collections.abc import Callable
from importlib import import_module

from django.apps import apps

DemoStep = tuple[str, Callable[[], None]]


def collect_steps() -> list[DemoStep]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("roundtable."):
            continue
        try:
            modules.append(import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
    steps: list[DemoStep] = []
    for module in sorted(modules, key=lambda m: m.ORDER):
        steps.extend(module.steps())
    return steps
