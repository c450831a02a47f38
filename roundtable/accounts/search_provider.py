"""Members in the site search: only the profiles the viewer may see in the directory."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from roundtable.accounts.selectors import profile_directory
from roundtable.search.registry import Result, ResultGroup


def search_members(*, query: str, also: list[str], request, limit: int) -> ResultGroup:
    profiles = profile_directory(viewer=request.user, query=query)
    return ResultGroup(
        key="members",
        label=_("Members"),
        results=[
            Result(
                title=profile.display_name,
                url=reverse("accounts:profile_detail", args=[profile.pk]),
                meta=" · ".join(
                    filter(
                        None,
                        [
                            profile.get_profession_display(),
                            profile.organisation,
                            profile.municipality,
                        ],
                    )
                ),
            )
            for profile in profiles[:limit]
        ],
        total=profiles.count(),
        more_url=f"{reverse('accounts:directory')}?{urlencode({'q': query})}",
    )
