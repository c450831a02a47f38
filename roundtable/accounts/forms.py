"""Forms for the member profile and the member directory."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from roundtable.accounts.choices import Profession
from roundtable.accounts.models import ExpertiseArea, Profile, SpokenLanguage
from roundtable.accounts.services import HANDLE_MAX_LENGTH, avatar_validate, handle_check
from roundtable.core.deid_forms import DeidFormMixin


class ProfileForm(DeidFormMixin, forms.ModelForm):
    # Not a model field of the form: the service compares it with the saved handle.
    handle = forms.CharField(
        label=_("Handle"),
        required=False,
        max_length=HANDLE_MAX_LENGTH + 1,
        help_text=_(
            "Others mention you as @handle. Letters, digits, dots, hyphens and underscores; not your e-mail address."
        ),
    )
    avatar = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, up to 5 MB. It is cropped to a square."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my photo"), required=False)
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages spoken"),
        queryset=SpokenLanguage.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["full_name", "handle"]

    class Meta:
        model = Profile
        fields = [
            "full_name",
            "profession",
            "organisation",
            "country",
            "municipality",
            "languages",
            "expertise",
            "bio",
            "visibility",
            "show_email",
        ]
        widgets = {
            "visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "bio": _(
                "Up to 1,000 characters. Never write about the children or families you work with."
            ),
            "municipality": _("Where you work, for example Istog or Nikšić."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handle"].initial = self.instance.handle
        # A member who saves the profile must give the two things the directory shows first.
        self.fields["full_name"].required = True
        self.fields["profession"].required = True

    def clean_handle(self) -> str:
        handle = self.cleaned_data.get("handle", "").strip().lstrip("@")
        if handle and handle != self.instance.handle:
            handle_check(handle, user=self.instance.user)
        return handle

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and hasattr(avatar, "size") and "avatar" in self.files:
            avatar_validate(avatar)
        return avatar


def _with_blank(choices, blank_label):
    return [("", blank_label), *choices]


DIRECTORY_QUERY_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    # The length is checked by the view (core.search_input), which says a query is too
    # long instead of dropping it (and showing everyone); the box still stops at the limit.
    q = forms.CharField(
        label=_("Name, organisation or municipality"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": DIRECTORY_QUERY_LENGTH}),
    )
    profession = forms.ChoiceField(label=_("Profession"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    expertise = forms.ChoiceField(label=_("Area of expertise"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        any_label = _("Any")
        self.fields["profession"].choices = _with_blank(Profession.choices, any_label)
        self.fields["country"].choices = _with_blank(list(countries), any_label)
        self.fields["language"].choices = _with_blank(
            [(lang.code, str(lang)) for lang in SpokenLanguage.objects.all()], any_label
        )
        self.fields["expertise"].choices = _with_blank(
            [(area.slug, str(area)) for area in ExpertiseArea.objects.all()], any_label
        )

    def filters(self) -> dict:
        """Valid filters only: an unknown value is ignored rather than failing the page."""
        self.is_valid()  # fills cleaned_data with the fields that are valid
        filters = {name: value for name, value in self.cleaned_data.items() if value}
        if "q" in filters:
            filters["query"] = filters.pop("q")
        return filters


class ConductAcceptForm(forms.Form):
    accept = forms.BooleanField(
        label=_("I have read the code of conduct and I will follow it."),
        error_messages={"required": _("Tick the box to accept the code of conduct.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
