from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "roundtable.forum"
    label = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap
        from roundtable.core.home import HomeSection
        from roundtable.core.navigation import NavItem
        from roundtable.forum import search_provider, selectors
        from roundtable.forum.notifications import digest, fanout
        from roundtable.forum.sitemap import (
            ForumCategoriesSitemap,
            ForumIndexSitemap,
            ForumThreadsSitemap,
        )

        def kind(message) -> cap.NotificationKind:
            return cap.NotificationKind(message=message)

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(NavItem(label=_("Forum"), url_name="forum:index", order=25),),
                home=(
                    HomeSection(
                        key="forum",
                        template="forum/_home_section.html",
                        context=search_provider.home_section,
                        order=30,
                    ),
                ),
                search=(
                    cap.Provider(
                        key="forum",
                        label=_("Discussions"),
                        search=search_provider.search_forum,
                        order=30,
                    ),
                ),
                series=(
                    cap.SeriesKind(
                        key="forum",
                        label=_("Discussions"),
                        template="forum/_series_items.html",
                        items=lambda key, request: selectors.series_threads(key, request.user),
                        order=20,
                    ),
                ),
                periodic=(digest.schedule_digest,),
                notifications={
                    fanout.REPLY: kind(_("%(author)s replied in “%(thread)s”.")),
                    fanout.NEW_THREAD: kind(_("%(author)s started a new thread: “%(thread)s”.")),
                    fanout.MENTION: kind(_("%(author)s mentioned you in “%(thread)s”.")),
                    fanout.WAITING: kind(_("A post in “%(thread)s” is waiting for review.")),
                    fanout.REPORTED: kind(_("A post in “%(thread)s” was reported.")),
                    fanout.APPROVED: kind(_("A moderator approved your post in “%(thread)s”.")),
                },
                translatable=(
                    cap.Translatable(
                        model="forum.Category",
                        key="forumcategory",
                        label=_("Forum category"),
                        order=110,
                    ),
                ),
                sitemaps={
                    "forum": ForumIndexSitemap,
                    "forum-categories": ForumCategoriesSitemap,
                    "forum-threads": ForumThreadsSitemap,
                },
                demo=cap.Demo(order=60, steps="roundtable.forum.demo"),
                bench="roundtable.forum.bench",
                urls=(cap.UrlInclude(module="roundtable.forum.urls"),),
                mfa_roles=cap.MfaRoles(
                    groups=("Forum moderators",), permissions=("forum.moderate_forum",)
                ),
                deid_fields={
                    "forum.Thread": ("title",),
                    "forum.Post": ("body",),
                    "forum.Report": ("comment",),
                },
            )
        )
