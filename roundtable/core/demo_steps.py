"""The demo content: each capability declares its steps (`Capability.demo`).

A declaration gives an `order` (lower runs first) and `steps`, a list of (label, function)
pairs or the module that returns them. Every step must be idempotent: `make demo` runs on
every `make run`.
"""

from roundtable.core import capabilities
from roundtable.core.capabilities import DemoStep

__all__ = ["DemoStep", "collect_steps"]


def collect_steps() -> list[DemoStep]:
    """Every installed capability's demo steps, in order."""
    return capabilities.demo_steps()
