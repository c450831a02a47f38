from django.urls import path

from roundtable.forum import feeds, moderation_views, views

app_name = "forum"
urlpatterns = [
    path("forum/", views.index, name="index"),
    path("forum/read/", views.mark_all_read, name="mark_all_read"),
    path("forum/watching/", views.watching, name="watching"),
    path("forum/feed/", feeds.LatestThreadsFeed(), name="feed"),
    path("forum/search/", views.search, name="search"),
    path("forum/c/<slug:slug>/", views.category, name="category"),
    path("forum/c/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("forum/c/<slug:slug>/read/", views.mark_category_read, name="mark_category_read"),
    path("forum/c/<slug:slug>/watch/", views.watch_category, name="watch_category"),
    path("forum/c/<slug:slug>/feed/", feeds.LatestThreadsFeed(), name="category_feed"),
    path("forum/t/<int:thread_id>/", views.thread, name="thread"),
    path("forum/t/<int:thread_id>/unread/", views.thread_unread, name="thread_unread"),
    path("forum/t/<int:thread_id>/reply/", views.reply, name="reply"),
    path("forum/t/<int:thread_id>/watch/", views.watch_thread, name="watch_thread"),
    path("forum/p/<int:post_id>/", views.post, name="post"),
    path("forum/p/<int:post_id>/edit/", views.post_edit, name="post_edit"),
    path("forum/p/<int:post_id>/history/", views.post_history, name="post_history"),
    path("forum/p/<int:post_id>/helpful/", views.helpful, name="helpful"),
    path("forum/p/<int:post_id>/report/", views.report, name="report"),
    path("forum/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path("forum/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # Moderation
    path("forum/moderation/", moderation_views.queue, name="queue"),
    path("forum/moderation/log/", moderation_views.log, name="log"),
    path(
        "forum/moderation/p/<int:post_id>/review/", moderation_views.post_review, name="post_review"
    ),
    path("forum/moderation/p/<int:post_id>/", moderation_views.post_action, name="post_action"),
    path("forum/moderation/p/<int:post_id>/redact/", moderation_views.post_redact, name="redact"),
    path(
        "forum/moderation/files/<int:attachment_id>/review/",
        moderation_views.attachment_review,
        name="attachment_review",
    ),
    path(
        "forum/moderation/r/<int:report_id>/",
        moderation_views.report_resolve,
        name="report_resolve",
    ),
    path(
        "forum/moderation/t/<int:thread_id>/", moderation_views.thread_action, name="thread_action"
    ),
    path("forum/moderation/t/<int:thread_id>/move/", moderation_views.thread_move, name="move"),
    path("forum/moderation/t/<int:thread_id>/split/", moderation_views.thread_split, name="split"),
    path(
        "forum/moderation/members/<int:user_id>/", moderation_views.member_suspend, name="suspend"
    ),
]
