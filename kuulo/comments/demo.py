"""The demo's comment analysis: run at the end of load_demo, synchronously.

Analyses every pending comment, sets up the staff rule themes a team would
write (in all three languages) and finds the automatic themes. Safe to run
again: rule themes are matched by their names and reclustering keeps the themes'
identities.
"""

import time

from django.db.models import Q

from kuulo.comments import actions
from kuulo.comments.analysis import store
from kuulo.comments.models import Theme

# (names in fi, sv and en, words of the rule)
RULE_THEMES = [
    (
        {"fi": "Jonotus", "sv": "Köer", "en": "Queueing"},
        ["jono", "jonottaa", "odotusaika", "kö", "köa", "kötid", "queue", "wait"],
    ),
    (
        {"fi": "Verkkoasiointi", "sv": "E-tjänster", "en": "Online service"},
        ["verkkopalvelu", "sivusto", "verkkosivu", "e-tjänst", "webbplats", "online", "website"],
    ),
    (
        {"fi": "Liitteet", "sv": "Bilagor", "en": "Attachments"},
        ["liite", "bilaga", "attachment"],
    ),
    (
        {"fi": "Päätöskirjeet", "sv": "Beslutsbrev", "en": "Decision letters"},
        ["päätös", "kirje", "beslut", "brev", "decision", "letter"],
    ),
]


def demo_rule_theme(names: dict[str, str]) -> Theme | None:
    """The demo's rule theme of every service with these names, also as it was named before themes
    had a name per language ("Jonotus / Köer / Queueing" in one field)."""
    combined = " / ".join(names[code] for code in ("fi", "sv", "en"))
    same = Q(name_fi=names["fi"], name_sv=names["sv"], name_en=names["en"])
    before = Q(name_fi=combined) | Q(name_sv=combined) | Q(name_en=combined)
    return Theme.objects.filter(same | before, kind=Theme.Kind.RULE, service__isnull=True).first()


def load_demo_analysis() -> dict:
    """Analyses the demo's comments and finds their themes; returns timings."""
    started = time.perf_counter()
    analysed = store.analyse_comments()
    for names, terms in RULE_THEMES:
        theme = demo_rule_theme(names)
        if theme is None:
            actions.create_rule_theme(names, terms)
        elif theme.terms != terms or theme.names != names:
            actions.update_rule_theme(theme, names=names, terms=terms)
    themes = store.recluster()
    return {"analysed": analysed, "themes": len(themes), "seconds": time.perf_counter() - started}
