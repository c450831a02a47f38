"""Members' forum pages: categories, threads, replies, edits, helpful marks, reports,
watches and reading marks. Each view parses the request, calls a selector or a service,
and renders; the rules live in those modules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from roundtable.core import deid_forms
from roundtable.core.search_input import MAX_QUERY_LENGTH, search_query
from roundtable.forum import markdown, moderation, notify, selectors, services
from roundtable.forum.forms import EditForm, ReplyForm, ReportForm, ThreadForm, WatchForm
from roundtable.forum.models import Post
from roundtable.forum.search_provider import search_posts

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 20
WATCHES_PER_PAGE = 50


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "forum/index.html",
        {
            "categories": selectors.category_list(request.user),
            "is_moderator": selectors.is_moderator(request.user),
            "queue_size": selectors.queue_size() if selectors.is_moderator(request.user) else 0,
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query, too_long = search_query(request.GET)
    page, total, window = None, 0, 0
    searched = bool(query.strip()) and not too_long
    if searched:
        found = search_posts(user=request.user, query=query)
        total, window = found.total, found.window if found.window_full else 0
        paginator = Paginator(found.posts, POSTS_PER_PAGE)
        paginator.count = total
        page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "forum/search.html",
        {
            "query": query,
            "searched": searched,
            "too_long": too_long,
            "limit": MAX_QUERY_LENGTH,
            "page_obj": page,
            "total": total,
            "window": window,
            "query_string": urlencode({"q": query}),
        },
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_get(request.user, slug)
    page = Paginator(selectors.category_threads(request.user, category), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    selectors.with_unread(request.user, list(page.object_list))
    watch = selectors.watch_for(request.user, category=category)
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "ties": selectors.category_ties(category),
            "page_obj": page,
            "threads": page.object_list,
            "watch": watch,
            "watch_form": WatchForm(initial={"email": watch.email if watch else "none"}),
            "is_moderator": selectors.is_moderator(request.user),
        },
    )


def _submit(form, write):
    """Run a service write for a valid form; on refusal, put the reasons (and any
    de-identification flags) on the form and return None."""
    return deid_forms.submit(form, write)


@login_required
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_get(request.user, slug)
    try:
        services.check_can_post(request.user, category=category)
    except PermissionDenied as denied:
        messages.error(request, str(denied))
        return redirect("forum:category", slug=category.slug)
    form = ThreadForm(request.POST or None, request.FILES or None)
    thread = None
    if request.method == "POST" and form.is_valid():
        thread = _submit(
            form,
            lambda: services.thread_submit(
                submit_key=form.cleaned_data.get("submit_key"),
                author=request.user,
                category=category,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                uploads=form.cleaned_data["attachments"],
                confirmed=form.confirmed(),
            ),
        )
        if thread is not None:
            if thread.is_approved:
                messages.success(request, _("Your thread is published."))
            else:
                messages.info(
                    request,
                    _("Thank you. A moderator will review your thread before others can read it."),
                )
            return redirect("forum:thread", thread_id=thread.pk)
    return render(
        request,
        "forum/thread_form.html",
        {"category": category, "form": form},
    )


def thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = selectors.thread_get(request.user, thread_id)
    # The reading mark before this visit: it labels the first unread post, and the visit
    # moves it forward only if this page shows newer posts.
    read_up_to = None
    if request.user.is_authenticated:
        read_up_to = selectors.read_marks(request.user, [thread])[thread.pk][0]
    first_unread = selectors.first_unread_post(request.user, thread, since=read_up_to)
    paginator = Paginator(selectors.thread_posts(request.user, thread), POSTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    posts = list(page.object_list)
    shown = [p.created_at for p in posts if p.is_visible]
    if shown and read_up_to is not None and max(shown) > read_up_to:
        services.thread_mark_read(request.user, thread, up_to=max(shown))
    is_moderator = selectors.is_moderator(request.user)
    helpful = selectors.helpful_marked(request.user, posts)
    suspended = selectors.active_suspension(request.user) is not None
    for item in posts:
        item.marked_helpful = item.pk in helpful
        item.thread = thread  # the page's thread: no query per post
        item.editable = services.can_edit(
            request.user, item, is_moderator=is_moderator, suspended=suspended
        )
        item.history_visible = selectors.can_see_history(request.user, item, moderator=is_moderator)
    watch = selectors.watch_for(request.user, thread=thread)
    can_reply = False
    reply_refusal = ""
    if request.user.is_authenticated:
        try:
            services.check_can_post(request.user, category=thread.category, thread=thread)
            can_reply = True
        except PermissionDenied as denied:
            reply_refusal = str(denied)
    return render(
        request,
        "forum/thread.html",
        {
            "thread": thread,
            "category": thread.category,
            "page_obj": page,
            "posts": posts,
            "first_unread": first_unread,
            "watch": watch,
            "watch_form": WatchForm(initial={"email": watch.email if watch else "none"}),
            "form": ReplyForm() if can_reply else None,
            "reply_refusal": reply_refusal,
            "is_moderator": is_moderator,
        },
    )


def _post_url(user, post: Post) -> str:
    page = selectors.post_position(user, post) // POSTS_PER_PAGE + 1
    url = reverse("forum:thread", args=[post.thread_id])
    return f"{url}?page={page}#post-{post.pk}"


def post(request: HttpRequest, post_id: int) -> HttpResponse:
    """A post's permanent address: the right page of its thread, scrolled to the post."""
    return redirect(_post_url(request.user, selectors.post_get(request.user, post_id)))


def thread_unread(request: HttpRequest, thread_id: int) -> HttpResponse:
    """Jump to the first post the reader has not seen (or the last page)."""
    thread = selectors.thread_get(request.user, thread_id)
    first = selectors.first_unread_post(request.user, thread)
    if first is not None:
        return redirect(_post_url(request.user, first))
    last = selectors.thread_posts(request.user, thread).last()
    return redirect(
        _post_url(request.user, last) if last else reverse("forum:thread", args=[thread.pk])
    )


@login_required
def reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = selectors.thread_get(request.user, thread_id)
    initial = {}
    quoted = request.GET.get("quote")
    if quoted and quoted.isdigit():
        source = selectors.post_get(request.user, int(quoted))
        if source.thread_id == thread.pk:
            profile = getattr(source.author, "profile", None) if source.author else None
            handle = getattr(profile, "handle", "") or "member"
            initial["body"] = markdown.quote(source.body, username=handle)
    form = ReplyForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        new_post = _submit(
            form,
            lambda: services.post_submit(
                submit_key=form.cleaned_data.get("submit_key"),
                author=request.user,
                thread=thread,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                uploads=form.cleaned_data["attachments"],
                confirmed=form.confirmed(),
            ),
        )
        if new_post is not None:
            if new_post.is_approved:
                messages.success(request, _("Your reply is published."))
            else:
                messages.info(
                    request,
                    _("Thank you. A moderator will review your reply before others can read it."),
                )
            return redirect(_post_url(request.user, new_post))
    return render(
        request,
        "forum/reply.html",
        {
            "thread": thread,
            "category": thread.category,
            "form": form,
        },
    )


@login_required
def post_edit(request: HttpRequest, post_id: int) -> HttpResponse:
    post = selectors.post_get(request.user, post_id)
    if not services.can_edit(request.user, post):
        raise PermissionDenied(_("You cannot edit this post."))
    form = EditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        edited = _submit(
            form,
            lambda: services.post_edit(
                editor=request.user,
                post=post,
                body=form.cleaned_data["body"],
                confirmed=form.confirmed(),
            ),
        )
        if edited is not None:
            messages.success(request, _("Your changes are saved."))
            return redirect(_post_url(request.user, post))
    return render(
        request,
        "forum/post_edit.html",
        {
            "post": post,
            "thread": post.thread,
            "form": form,
        },
    )


def post_history(request: HttpRequest, post_id: int) -> HttpResponse:
    post = selectors.post_history_get(request.user, post_id)
    return render(
        request,
        "forum/post_history.html",
        {"post": post, "thread": post.thread, "revisions": services.post_revisions(post)},
    )


@login_required
@require_POST
def helpful(request: HttpRequest, post_id: int) -> HttpResponse:
    post = selectors.post_get(request.user, post_id)
    try:
        marked = services.helpful_toggle(user=request.user, post=post)
    except PermissionDenied as denied:
        messages.error(request, str(denied))
        return redirect(_post_url(request.user, post))
    if request.htmx:
        post.refresh_from_db(fields=["helpful_count"])
        return render(request, "forum/_helpful.html", {"post": post, "marked": marked})
    return redirect(_post_url(request.user, post))


@login_required
def report(request: HttpRequest, post_id: int) -> HttpResponse:
    post = selectors.post_get(request.user, post_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = _submit(
            form,
            lambda: moderation.report_create(
                reporter=request.user,
                post=post,
                reason=form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"],
                confirmed=form.confirmed(),
            ),
        )
        if report is not None:
            messages.success(request, _("Thank you. The moderators will look at this post."))
            return redirect(_post_url(request.user, post))
    return render(request, "forum/report.html", {"post": post, "thread": post.thread, "form": form})


@login_required
@require_POST
def watch_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = selectors.thread_get(request.user, thread_id)
    form = WatchForm(request.POST)
    if form.is_valid():
        services.watch_set(user=request.user, thread=thread, email=form.mode())
        messages.success(request, _("Your notification setting for this thread is saved."))
    else:
        messages.error(request, _("Choose how you want to be notified."))
    return redirect("forum:thread", thread_id=thread.pk)


@login_required
@require_POST
def watch_category(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_get(request.user, slug)
    form = WatchForm(request.POST)
    if form.is_valid():
        services.watch_set(user=request.user, category=category, email=form.mode())
        messages.success(request, _("Your notification setting for this category is saved."))
    else:
        messages.error(request, _("Choose how you want to be notified."))
    return redirect("forum:category", slug=category.slug)


@login_required
def watching(request: HttpRequest) -> HttpResponse:
    """Everything the member watches, with how they are told, and mention e-mails."""
    if request.method == "POST":
        watch_id = request.POST.get("watch", "")
        chosen = None
        if watch_id.isdigit():
            chosen = selectors.watches_of(request.user).filter(pk=watch_id).first()
        form = WatchForm(request.POST)
        if chosen is not None and form.is_valid():
            target = (
                {"thread": chosen.thread} if chosen.thread_id else {"category": chosen.category}
            )
            services.watch_set(user=request.user, email=form.mode(), **target)
            messages.success(request, _("Your notification settings are saved."))
        elif "mention_form" in request.POST:
            services.mention_emails_set(
                user=request.user, enabled=request.POST.get("mention_emails") == "on"
            )
            messages.success(request, _("Your notification settings are saved."))
        else:
            messages.error(request, _("Choose how you want to be notified."))
        return redirect("forum:watching")
    page = Paginator(selectors.watches_of(request.user), WATCHES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    selectors.with_labels([w.category for w in page.object_list if w.category])
    return render(
        request,
        "forum/watching.html",
        {
            "page_obj": page,
            "watches": page.object_list,
            "watch_form": WatchForm(),
            "settings": selectors.member_settings(request.user),
        },
    )


@login_required
@require_POST
def mark_category_read(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_get(request.user, slug)
    services.category_mark_read(request.user, category)
    messages.success(request, _("Every thread in this category is marked as read."))
    return redirect("forum:category", slug=category.slug)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.all_mark_read(request.user)
    messages.success(request, _("Every thread is marked as read."))
    return redirect("forum:index")


def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    item = selectors.attachment_get(request.user, attachment_id)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=not item.is_image,
        filename=item.filename,
        content_type=item.content_type,
    )
    # Members-only files must not linger in shared caches.
    response["Cache-Control"] = "private, max-age=3600"
    return response


@csrf_exempt  # one-click POSTs come from mail clients, without a cookie; the token is signed
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every forum e-mail: no login needed, the signature is the proof. GET
    asks for one click (mail scanners follow links); POST, also sent by mail clients under
    RFC 8058, applies it."""
    payload = notify.unsubscribe_read(token)
    if payload is None:
        return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        done = notify.unsubscribe_apply(payload)
        if not done:
            return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
    return render(request, "forum/unsubscribe.html", {"what": payload.get("w"), "done": done})
