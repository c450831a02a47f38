"""Writes of the forum, one module per job: threads, posts, reading marks, watches and
moderation (with the counters they all keep). The public services are re-exported here,
so callers write `from roundtable.forum import services` and `services.thread_create(...)`.

Each module imports only those below it (counters, reading and watches; then posts; then
threads and moderation) and never the views or the notifications' callers: the old
services → notify → moderation → services circle is gone.
"""

from roundtable.forum.services.counters import category_synchronize, thread_synchronize
from roundtable.forum.services.moderation import (
    attachment_review,
    member_suspend,
    post_approve,
    post_redact,
    post_reject,
    post_set_hidden,
    report_create,
    report_resolve,
    suspension_lift,
    thread_move,
    thread_set,
    thread_split,
)
from roundtable.forum.services.posts import (
    IdentifyingDetails,
    helpful_toggle,
    post_create,
    post_edit,
    post_revisions,
    post_submit,
)
from roundtable.forum.services.reading import all_mark_read, category_mark_read, thread_mark_read
from roundtable.forum.services.threads import thread_create, thread_submit
from roundtable.forum.services.watches import mention_emails_set, remember_language, watch_set

__all__ = [
    "IdentifyingDetails",
    "all_mark_read",
    "attachment_review",
    "category_mark_read",
    "category_synchronize",
    "helpful_toggle",
    "member_suspend",
    "mention_emails_set",
    "post_approve",
    "post_create",
    "post_edit",
    "post_redact",
    "post_reject",
    "post_revisions",
    "post_set_hidden",
    "post_submit",
    "remember_language",
    "report_create",
    "report_resolve",
    "suspension_lift",
    "thread_create",
    "thread_mark_read",
    "thread_move",
    "thread_set",
    "thread_split",
    "thread_submit",
    "thread_synchronize",
    "watch_set",
]
