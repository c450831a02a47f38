"""Receivers that keep cached editorial lookups honest."""

from django.core.cache import cache


def forget_cached_locales(sender, instance, **kwargs) -> None:
    cache.delete(f"locale:{instance.language_code}")
