from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "roundtable.glossary"
    label = "glossary"
    verbose_name = _("Glossary")

    def ready(self) -> None:
        from roundtable.core import capabilities as cap
        from roundtable.core.navigation import NavItem
        from roundtable.glossary.search_provider import search_glossary
        from roundtable.glossary.sitemap import GlossarySitemap

        cap.register(
            cap.Capability(
                key=self.label,
                label=self.verbose_name,
                nav=(NavItem(label=_("Glossary"), url_name="glossary:index", order=70),),
                footer=(cap.FooterLink(label=_("Glossary"), url_name="glossary:index", order=20),),
                search=(
                    cap.Provider(
                        key="glossary", label=_("Glossary"), search=search_glossary, order=30
                    ),
                ),
                translatable=(
                    cap.Translatable(
                        model="glossary.Term", key="term", label=_("Glossary term"), order=80
                    ),
                ),
                sitemaps={"glossary": GlossarySitemap},
                demo=cap.Demo(order=15, steps="roundtable.glossary.demo"),
                urls=(cap.UrlInclude(module="roundtable.glossary.urls"),),
            )
        )

        # Searches match a term's agreed wording in every language, without search (or
        # library) importing the glossary.
        from roundtable.glossary.selectors import query_expansions
        from roundtable.search.expanders import register_expander

        register_expander(query_expansions)
