"""Sharing maturity models and quizzes between organisations as a JSON pack (organisation admins only)."""

import json

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kuulo.games.models import MaturityModel, Quiz
from kuulo.games.packs import PackError, export_pack, import_pack, parse_pack
from kuulo.organisation.access import org_admin_required

MAX_BYTES = 2 * 1024 * 1024


class PackForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Pack file (JSON)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            self.pack = parse_pack(upload.read())
        except PackError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


@org_admin_required
def pack_export(request: HttpRequest) -> HttpResponse:
    pack = export_pack(
        MaturityModel.objects.prefetch_related("levels", "dimensions__descriptors", "dimensions__suggestions"),
        Quiz.objects.prefetch_related("questions__choices"),
    )
    response = HttpResponse(
        json.dumps(pack, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="kuulo-games-pack.json"'
    return response


@org_admin_required
def pack_import(request: HttpRequest) -> HttpResponse:
    form = PackForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        models, quizzes = import_pack(form.pack)
        messages.success(
            request,
            _("Imported %(models)s maturity models and %(quizzes)s quizzes.")
            % {"models": len(models), "quizzes": len(quizzes)},
        )
        return redirect("games:home")
    context = {"form": form, "models": MaturityModel.objects.all(), "quizzes": Quiz.objects.all()}
    return render(request, "games/packs.html", context, status=422 if form.errors else 200)
