"""Periodic work. django-tasks has no scheduler: a periodic task queues its own next run
(with `run_after`), and each capability registers here how to queue the first one. The
worker calls every registered function when it starts."""

from collections.abc import Callable

_schedulers: list[Callable[[], None]] = []


def register(schedule: Callable[[], None]) -> None:
    _schedulers.append(schedule)


def schedule_all() -> None:
    for schedule in _schedulers:
        schedule()
