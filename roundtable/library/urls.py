from django.urls import path

from roundtable.library import views

app_name = "library"
urlpatterns = [
    path("library/", views.library_index, name="index"),
    path("library/reading-list/", views.reading_list, name="reading_list"),
    path(
        "library/reading-list/<int:item_id>/remove/",
        views.reading_list_remove,
        name="reading_list_remove",
    ),
    path("library/suggest/", views.suggest, name="suggest"),
    path("library/files/<int:file_id>/download/", views.download, name="download"),
    path("library/files/<path:name>", views.file_by_name, name="file"),
    path("library/<slug:slug>/", views.entry_detail, name="entry"),
    path(
        "library/<slug:slug>/reading-list/", views.reading_list_toggle, name="reading_list_toggle"
    ),
]
