"""Writes of the translation workflow: telling translators that a source has changed."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.models import Locale
from wagtail_localize.models import Translation

from roundtable.notifications import kinds
from roundtable.notifications.services import notification_send
from roundtable.translations.models import TranslatorLanguage

SOURCE_CHANGED = "translation_source_changed"
kinds.register(
    SOURCE_CHANGED,
    _(
        "“%(title)s” changed in its original language: the %(language)s translation is now out of date."
    ),
    prepare=lambda params: {
        "title": params["title"],
        "language": get_language_info(params["language"])["name_translated"],
    },
)


def translation_targets(obj: models.Model) -> list[Locale]:
    """Languages into which `obj` (a source) is being translated with wagtail-localize."""
    return list(
        Locale.objects.filter(
            pk__in=Translation.objects.filter(
                source__object_id=obj.translation_key, source__locale_id=obj.locale_id
            ).values("target_locale_id")
        )
    )


def source_changed(obj: models.Model) -> None:
    """Queue the notifications for a source that has just changed (after the commit)."""
    from django.db import transaction

    if not getattr(obj, "translation_key", None):
        return
    if not Translation.objects.filter(
        source__object_id=obj.translation_key, source__locale_id=obj.locale_id
    ).exists():
        return
    label = f"{obj._meta.app_label}.{obj._meta.model_name}"
    transaction.on_commit(lambda: notify_translators.enqueue(model_label=label, object_id=obj.pk))


@task()
def notify_translators(*, model_label: str, object_id: int) -> int:
    """Tell the translators of each target language that the source is now ahead of them."""
    from django.apps import apps

    model = apps.get_model(model_label)
    obj = model.objects.filter(pk=object_id).first()
    if obj is None:
        return 0
    sent = 0
    for locale in translation_targets(obj):
        translators = [
            assignment.user
            for assignment in TranslatorLanguage.objects.filter(locale=locale).select_related(
                "user"
            )
        ]
        if not translators:
            continue
        notification_send(
            recipients=translators,
            kind=SOURCE_CHANGED,
            params={"title": str(obj), "language": locale.language_code},
            url=f"/admin/translations/?language={locale.language_code}&state=outdated",
            language=locale.language_code,
        )
        sent += len(translators)
    return sent
