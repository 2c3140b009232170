"""Single sign-on URLs, included without a namespace: mozilla-django-oidc finds its callback by
the name `oidc_authentication_callback`."""

from django.urls import path

from kuulo.accounts import oidc

urlpatterns = [
    path("authenticate/", oidc.authenticate, name="oidc_authentication_init"),
    path("callback/", oidc.callback, name="oidc_authentication_callback"),
]
