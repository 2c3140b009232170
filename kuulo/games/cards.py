"""Links to the playbook's method cards, which another app owns.

A card is named by its stable slug; the link is drawn only when the playbook
is installed and knows the URL, otherwise the title stands alone: the one
stored with the reference (a maturity suggestion) or, for quizzes, the
title below.
"""

from django.urls import NoReverseMatch, reverse

from kuulo.lib.translated import pick

TITLES = {
    "customer-interviews": ("Asiakashaastattelut", "Kundintervjuer", "Customer interviews"),
    "focus-groups": ("Ryhmähaastattelut", "Fokusgrupper", "Focus groups"),
    "customer-journey-mapping": ("Asiakaspolun kuvaaminen", "Kartläggning av kundresan", "Customer journey mapping"),
    "effect-mapping": ("Vaikutuskartoitus", "Effektkartläggning", "Effect mapping"),
    "survey-design": ("Kyselyn suunnittelu", "Att utforma en enkät", "Survey design"),
    "reading-the-dashboards": ("Näkymien lukeminen", "Att läsa översikterna", "Reading the dashboards"),
    "comment-analysis": ("Avointen palautteiden analyysi", "Analys av fritextsvar", "Comment analysis"),
    "insight-synthesis": ("Havainnoista oivalluksiin", "Från iakttagelser till insikter", "Insight synthesis"),
    "backlog-prioritisation": ("Kehitysjonon priorisointi", "Att prioritera utvecklingskön", "Backlog prioritisation"),
    "co-design-workshop": ("Yhteiskehittämisen työpaja", "Verkstad för samutveckling", "Co-design workshop"),
    "usability-testing": ("Käytettävyystestaus", "Användbarhetstest", "Usability testing"),
    "experiments-and-pilots": ("Kokeilut ja pilotit", "Försök och piloter", "Experiments and pilots"),
    "weekly-follow-up": ("Viikoittainen seuranta", "Veckovis uppföljning", "Weekly follow-up"),
    "retrospective": ("Retrospektiivi", "Retrospektiv", "Retrospective"),
    "you-said-we-did": ("Palautteesi pohjalta -sivu", "Så har vi använt din respons", "You said, we did"),
    "celebrating-successes": ("Onnistumisten juhlistaminen", "Att fira framgångar", "Celebrating successes"),
}


def card_url(slug: str) -> str:
    if not slug:
        return ""
    try:
        return reverse("playbook:method_detail", kwargs={"slug": slug})
    except NoReverseMatch:
        return ""


def card_title(slug: str) -> str:
    titles = TITLES.get(slug)
    return pick(dict(zip(("fi", "sv", "en"), titles, strict=True))) if titles else slug


def card_links(slugs: list[str]) -> list[dict]:
    """[{"slug", "title", "url"}]; url is "" while the playbook does not know the card."""
    return [{"slug": slug, "title": card_title(slug), "url": card_url(slug)} for slug in slugs]
