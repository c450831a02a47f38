from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from roundtable.content.selectors import series_choices, topics_for_filter


class NewsFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    series = forms.ChoiceField(label=_("Series"), required=False)
    only_translated = forms.BooleanField(
        label=_("Only articles available in this language"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        any_label = _("Any")
        self.fields["country"].choices = [("", any_label), *countries]
        self.fields["topic"].choices = [("", any_label)] + [
            (topic.slug, topic.name) for topic in topics_for_filter()
        ]
        self.fields["series"].choices = [("", any_label)] + [
            (str(series.translation_key), series.title) for series in series_choices()
        ]

    def filters(self) -> dict:
        """Valid filters only: an unknown value is ignored rather than failing the page."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value}
        return data
