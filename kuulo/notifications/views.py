"""The user's own notifications: the list, marking read, e-mail on or off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.notifications import texts
from kuulo.notifications.actions import unread_count
from kuulo.notifications.forms import PreferenceForm
from kuulo.notifications.models import Notification, NotificationPreference


def _with_text(notifications):
    for notification in notifications:
        notification.text = texts.title(notification)
    return notifications


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(Notification.objects.filter(recipient=request.user), 50).get_page(request.GET.get("page"))
    preference = NotificationPreference.objects.filter(user=request.user).first()
    context = {
        "page": page,
        "notifications": _with_text(list(page)),
        "unread": unread_count(request.user),
        "preference_form": PreferenceForm(instance=preference or NotificationPreference(user=request.user)),
        "has_email": bool(request.user.email),
    }
    return render(request, "notifications/notification_list.html", context)


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if request.htmx:
        notification.text = texts.title(notification)
        context = {"notification": notification, "unread": unread_count(request.user), "oob": True}
        return render(request, "notifications/_notification.html", context)
    return redirect("notifications:notification_list")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        messages.success(request, _("All notifications were marked read."))
    return redirect("notifications:notification_list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    preference, _created = NotificationPreference.objects.get_or_create(user=request.user)
    form = PreferenceForm(request.POST if request.method == "POST" else None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:notification_list")
    context = {"form": form, "has_email": bool(request.user.email)}
    return render(request, "notifications/preferences.html", context, status=422 if form.errors else 200)
