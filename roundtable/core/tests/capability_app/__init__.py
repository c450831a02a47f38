"""A capability made only for the tests: it proves that one folder plus one line in
INSTALLED_APPS is enough to appear in the header, the footer, the home page, the site search,
the sitemap and the demo. It has no models, hence no migrations."""
