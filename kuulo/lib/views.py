from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_form_page(request: HttpRequest, form, *, title: str, submit_label: str, cancel_url: str) -> HttpResponse:
    """A page with one form; answers 422 when the submitted form has errors."""
    context = {"form": form, "title": title, "submit_label": submit_label, "cancel_url": cancel_url}
    return render(request, "form_page.html", context, status=422 if form.errors else 200)
