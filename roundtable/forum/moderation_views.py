"""Moderators' pages: the review queue and reports, thread and post actions, moving,
splitting, suspending, and the log. Every view is for moderators only; the services check
the permission again."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roundtable.forum import moderation, selectors
from roundtable.forum.forms import MoveForm, RedactForm, SplitForm, SuspendForm
from roundtable.forum.models import Attachment, Post, Report, Thread
from roundtable.forum.views import _errors_to_form


def moderator_required(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not selectors.is_moderator(request.user):
            raise PermissionDenied(_("Only moderators can do this."))
        return view(request, *args, **kwargs)

    return wrapped


def _thread(thread_id: int) -> Thread:
    return get_object_or_404(Thread.objects.select_related("category"), pk=thread_id)


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(request, "forum/moderation/queue.html", {"queue": selectors.moderation_queue()})


@moderator_required
@require_POST
def post_review(request: HttpRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post, pk=post_id)
    if request.POST.get("decision") == "approve":
        moderation.post_approve(moderator=request.user, post=post)
        messages.success(request, _("The post is approved and published."))
    else:
        moderation.post_reject(moderator=request.user, post=post)
        messages.success(request, _("The post is rejected and stays hidden."))
    return redirect("forum:queue")


@moderator_required
@require_POST
def attachment_review(request: HttpRequest, attachment_id: int) -> HttpResponse:
    attachment = get_object_or_404(Attachment, pk=attachment_id)
    approve = request.POST.get("decision") == "approve"
    moderation.attachment_review(moderator=request.user, attachment=attachment, approve=approve)
    messages.success(
        request,
        _("The file is approved: the thread's readers can see it.")
        if approve
        else _("The file is rejected: only its author and the moderators can see it."),
    )
    return redirect("forum:queue")


@moderator_required
@require_POST
def report_resolve(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.select_related("post__thread"), pk=report_id)
    hide = request.POST.get("decision") == "hide"
    moderation.report_resolve(moderator=request.user, report=report, hide_post=hide)
    messages.success(
        request,
        _("The report is resolved and the post is hidden.")
        if hide
        else _("The report is resolved; the post stays visible."),
    )
    return redirect("forum:queue")


@moderator_required
@require_POST
def thread_action(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread(thread_id)
    actions = {
        "pin": ("is_pinned", True),
        "unpin": ("is_pinned", False),
        "lock": ("is_locked", True),
        "unlock": ("is_locked", False),
        "hide": ("is_hidden", True),
        "unhide": ("is_hidden", False),
    }
    action = actions.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown moderation action."))
    else:
        moderation.thread_set(
            moderator=request.user, thread=thread, flag=action[0], value=action[1]
        )
        messages.success(request, _("Done. The action is in the moderation log."))
    return redirect("forum:thread", thread_id=thread.pk)


@moderator_required
@require_POST
def post_action(request: HttpRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread"), pk=post_id)
    hidden = request.POST.get("action") == "hide"
    moderation.post_set_hidden(moderator=request.user, post=post, hidden=hidden)
    messages.success(
        request, _("The post is hidden.") if hidden else _("The post is visible again.")
    )
    return redirect("forum:thread", thread_id=post.thread_id)


@moderator_required
def post_redact(request: HttpRequest, post_id: int) -> HttpResponse:
    """Ask for confirmation, then remove the post's text and its history for good."""
    post = get_object_or_404(Post.objects.select_related("thread"), pk=post_id)
    form = RedactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        moderation.post_redact(moderator=request.user, post=post)
        messages.success(request, _("The post is redacted. The action is in the moderation log."))
        return redirect("forum:post", post_id=post.pk)
    return render(
        request,
        "forum/moderation/redact.html",
        {"post": post, "thread": post.thread, "form": form},
    )


@moderator_required
def thread_move(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread(thread_id)
    categories = selectors.readable_categories(request.user)
    form = MoveForm(
        request.POST or None, categories=categories, initial={"category": thread.category}
    )
    if request.method == "POST" and form.is_valid():
        try:
            moderation.thread_move(
                moderator=request.user, thread=thread, category=form.cleaned_data["category"]
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The thread is moved."))
            return redirect("forum:thread", thread_id=thread.pk)
    return render(request, "forum/moderation/move.html", {"thread": thread, "form": form})


@moderator_required
def thread_split(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread(thread_id)
    posts = list(
        Post.objects.filter(thread=thread)
        .select_related("author__profile")
        .order_by("created_at", "id")[:200]
    )
    form = SplitForm(
        request.POST or None,
        categories=selectors.readable_categories(request.user),
        posts=posts,
        initial={"category": thread.category},
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = moderation.thread_split(
                moderator=request.user,
                thread=thread,
                post_ids=[int(pk) for pk in form.cleaned_data["posts"]],
                title=form.cleaned_data["title"],
                category=form.cleaned_data["category"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The posts are moved into a new thread."))
            return redirect("forum:thread", thread_id=new.pk)
    return render(
        request, "forum/moderation/split.html", {"thread": thread, "form": form, "posts": posts}
    )


@moderator_required
def member_suspend(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_object_or_404(get_user_model().objects.select_related("profile"), pk=user_id)
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "lift":
        moderation.suspension_lift(moderator=request.user, member=member)
        messages.success(request, _("The suspension is lifted."))
        return redirect("forum:suspend", user_id=member.pk)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.member_suspend(
                moderator=request.user,
                member=member,
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The member is suspended from the forum."))
            return redirect("forum:suspend", user_id=member.pk)
    return render(
        request,
        "forum/moderation/suspend.html",
        {"member": member, "form": form, "suspension": selectors.active_suspension(member)},
    )


@moderator_required
def log(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.moderation_log(), 50).get_page(request.GET.get("page"))
    return render(request, "forum/moderation/log.html", {"page_obj": page})
