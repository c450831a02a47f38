import uuid

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from roundtable.core.deid_forms import DeidFormMixin
from roundtable.forum.models import EmailMode, ReportReason


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by forum.attachments in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class _Confirmations(DeidFormMixin, forms.Form):
    """A form whose text the service checks for identifying details (core.deid_forms)."""

    deid_labels = {"attachments": _("Name of an attached file")}


_BODY_HELP = _(
    "Markdown: **bold**, *italic*, > quote, - list, [link](https://…). Mention a member "
    "with their @handle."
)


class ReplyForm(_Confirmations):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_BODY_HELP,
        max_length=20_000,
        strip=True,
        error_messages={"required": _("Write a message before posting.")},
    )
    # Screen readers pronounce a post by its `lang`: a reply may be written in another
    # language than its thread, so every reply says which (the writer's interface language
    # unless they choose another).
    language = forms.ChoiceField(
        label=_("Language you write in"), choices=settings.LANGUAGES, required=False
    )
    attachments = MultipleFileField(label=_("Attach images or PDF files"), required=False)
    # One key per form shown: sending the same form twice finds the first post.
    submit_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    field_order = ["language", "body", "attachments"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["submit_key"].initial = uuid.uuid4()
        self.fields["language"].initial = get_language()
        # Built per form, in the reader's language (a class attribute would be frozen in
        # the language active at import).
        self.fields["attachments"].help_text = gettext(
            "Up to %(count)d files, %(size)d MB each."
        ) % {
            "count": settings.FORUM_MAX_ATTACHMENTS,
            "size": settings.FORUM_MAX_ATTACHMENT_SIZE // (1024 * 1024),
        }

    def clean_language(self) -> str:
        # A form shown before replies asked for a language sends none: the interface
        # language is what the select would have offered.
        return self.cleaned_data["language"] or get_language() or settings.LANGUAGE_CODE


class ThreadForm(ReplyForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the thread a title of at least 5 characters.")},
    )
    field_order = ["title", "language", "body", "attachments"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Message")


class EditForm(_Confirmations):
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_BODY_HELP,
        max_length=20_000,
        error_messages={"required": _("Write a message before posting.")},
    )


class ReportForm(DeidFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this post?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why you are reporting this post.")},
    )
    comment = forms.CharField(
        label=_("Anything the moderators should know"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WatchForm(forms.Form):
    STOP = "stop"
    email = forms.ChoiceField(
        label=_("Notify me of new posts"),
        choices=[*EmailMode.choices, (STOP, _("Stop watching"))],
    )

    def mode(self) -> str | None:
        value = self.cleaned_data["email"]
        return None if value == self.STOP else value


def _category_field(field, categories) -> None:
    """Offer the categories by their names in the reader's language."""
    from roundtable.forum.selectors import with_labels

    labels = {category.pk: category.label for category in with_labels(list(categories))}
    field.queryset = categories
    field.label_from_instance = lambda category: labels.get(category.pk, category.name)


class RedactForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that the text of this post and of all its earlier versions will "
            "be removed for good."
        ),
        error_messages={"required": _("Tick the box to confirm the redaction.")},
    )


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Move to"), queryset=None)

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        _category_field(self.fields["category"], categories)


class SplitForm(forms.Form):
    title = forms.CharField(label=_("Title of the new thread"), max_length=200)
    category = forms.ModelChoiceField(label=_("Category"), queryset=None)
    posts = forms.MultipleChoiceField(
        label=_("Posts to move"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one post to move into the new thread.")},
    )

    def __init__(self, *args, categories=None, posts=(), **kwargs):
        super().__init__(*args, **kwargs)
        _category_field(self.fields["category"], categories)
        self.fields["posts"].choices = [(str(post.pk), str(post.pk)) for post in posts]


class SuspendForm(forms.Form):
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=365, initial=7)
    reason = forms.CharField(
        label=_("Reason (the member will see it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
