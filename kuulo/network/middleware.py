"""Guests of partner organisations see only the swarms and communities they are invited to: every
other page of Kuulo answers 404 to them, whatever it would show an ordinary member of staff.

Whether a person is a guest is read once, when they log in, into their session (SESSION_KEY), so
that no page of staff pays a query for it. A guest profile is given to an account before its
owner first logs in (kuulo.network.actions.make_guest ends the account's sessions)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect

from kuulo.network.models import Guest

SESSION_KEY = "kuulo_network_guest"

GUEST_URLS = {
    "network:guest_home",
    "network:swarm_detail",
    "network:swarm_note",
    "network:community_detail",
    "network:meetup_post",
    "accounts:login",
    "accounts:logout",
    "accounts:password_change",
    "accounts:profile",
    "accounts:set_language",
}


class GuestScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        session = getattr(request, "session", None)
        if session is None or not session.get(SESSION_KEY):
            return None
        match = request.resolver_match
        if match is not None and match.view_name == "organisation:home":
            return redirect("network:guest_home")  # where logging in leads
        if match is None or match.view_name not in GUEST_URLS:
            raise Http404("No such page.")
        return None


@receiver(user_logged_in, dispatch_uid="kuulo.network.remember_guest")
def remember_guest(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = Guest.objects.filter(user=user).exists()
