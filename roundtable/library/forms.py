import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from roundtable.core.deid_forms import DeidFormMixin
from roundtable.library.models import Kind
from roundtable.library.selectors import LibraryQuery

MAX_QUERY_LENGTH = 200


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=1000)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", ""), *Kind.choices])
    language = forms.CharField(required=False, max_length=12)
    country = forms.CharField(required=False, max_length=2)
    topic = forms.SlugField(required=False, max_length=120)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("date", _("Newest first"))],
    )

    def to_query(self) -> LibraryQuery:
        """Valid values only: a bad filter is dropped rather than failing the page."""
        self.is_valid()
        data = self.cleaned_data
        return LibraryQuery(
            text=(data.get("q") or "")[:MAX_QUERY_LENGTH],
            kind=data.get("kind") or "",
            language=data.get("language") or "",
            country=(data.get("country") or "").upper(),
            topic=data.get("topic") or "",
            year=data.get("year"),
            sort=data.get("sort") or "relevance",
        )


class SuggestionForm(DeidFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("What is it about?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    kind = forms.ChoiceField(label=_("Kind of document"), choices=Kind.choices)
    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)
    publisher = forms.CharField(
        label=_("Publisher or organisation"), max_length=200, required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=1950, max_value=2100, required=False)
    file = forms.FileField(
        label=_("Document (PDF, DOCX or ODT)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )
    external_url = forms.URLField(
        label=_("…or a link to it"), required=False, assume_scheme="https"
    )
    # One key per form shown: sending the same form twice finds the first suggestion.
    submit_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["submit_key"].initial = uuid.uuid4()

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("external_url"):
            raise forms.ValidationError(_("Attach the document or give a link to it."))
        return data
