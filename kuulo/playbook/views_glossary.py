"""The glossary: every term in the reader's language, with its synonyms and related terms."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kuulo.lib.translated import active_language
from kuulo.playbook.content import text_in
from kuulo.playbook.models import GlossaryTerm


@require_GET
@login_required
def glossary(request: HttpRequest) -> HttpResponse:
    language = active_language()
    entries = []
    for term in GlossaryTerm.objects.prefetch_related("see_also"):
        name = text_in(term.content, "term", language)
        entries.append(
            {
                "slug": term.slug,
                "term": name,
                "definition": text_in(term.content, "definition", language),
                "synonyms": text_in(term.content, "synonyms", language),
                "see_also": sorted(
                    ((other.slug, other.term) for other in term.see_also.all()), key=lambda pair: pair[1].lower()
                ),
            }
        )
    entries.sort(key=lambda entry: str(entry["term"]).lower())
    return render(request, "playbook/glossary.html", {"entries": entries})
