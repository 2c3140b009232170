"""The demo organisation's self-assessment: the Housing Support unit assessed with CAF 2020 a
year ago and now. This year the product owner and a team member scored every subcriterion on
their own, then agreed on the scores; two areas for improvement were found, and one of them is
already on the housing allowance's backlog. Last year's round gives the radar and the trend
something to compare with.

Idempotent: nothing is added when the unit already has a CAF round."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kuulo.backlog.actions import create_item
from kuulo.organisation.models import Service, Unit
from kuulo.selfassessment.importing import load_builtin
from kuulo.selfassessment.models import Consensus, Framework, Improvement, Round, Score, Subcriterion

UNIT = "Housing Support"
SERVICE = "housing-allowance-online"
ASSESSORS = ["owner", "team"]

# subcriterion: (owner's score, team member's score, agreed, last year's agreed)
SCORES = {
    "1.1": (45, 60, 55, 40), "1.2": (50, 40, 45, 35), "1.3": (60, 65, 60, 50), "1.4": (40, 35, 40, 35),
    "2.1": (55, 70, 65, 45), "2.2": (50, 55, 50, 40), "2.3": (35, 45, 40, 30), "2.4": (30, 55, 40, 25),
    "3.1": (40, 35, 40, 35), "3.2": (25, 50, 35, 30), "3.3": (55, 45, 50, 45),
    "4.1": (60, 55, 60, 50), "4.2": (65, 70, 65, 45), "4.3": (45, 40, 45, 45), "4.4": (50, 30, 40, 30),
    "4.5": (55, 60, 55, 45), "4.6": (40, 45, 40, 40),
    "5.1": (60, 55, 60, 45), "5.2": (70, 65, 70, 55), "5.3": (35, 50, 40, 30),
    "6.1": (65, 70, 65, 50), "6.2": (55, 45, 50, 40),
    "7.1": (40, 50, 45, 40), "7.2": (35, 40, 35, 35),
    "8.1": (30, 40, 35, 30), "8.2": (25, 35, 30, 25),
    "9.1": (50, 55, 50, 40), "9.2": (45, 40, 45, 40),
}  # fmt: skip

EVIDENCE = {
    "2.1": (
        "Asiakaspalautteen teemat käydään läpi kuukausittain palvelun tiimissä.",
        "Palautteen teemat ovat mukana myös vuosisuunnittelussa.",
    ),
    "3.2": (
        "Osaamiskartoitus tehtiin viimeksi kolme vuotta sitten.",
        "Palvelumuotoilun koulutus on tarjolla, mutta kaikki eivät ole ehtineet.",
    ),
    "4.4": (
        "Tieto on hajallaan tiimien omissa kansioissa.",
        "Kuulossa on nyt oivallukset lähteineen, mutta kaikki eivät käytä sitä.",
    ),
    "6.1": (
        "Asiakastyytyväisyys on noussut hakemuksen uudistuksen jälkeen.",
        "Verkkopalvelun CSAT on yli tavoitteen kolmena kuukautena peräkkäin.",
    ),
}
STRENGTHS = {
    "5.2": "Sähköinen hakemus on selkeä, ja asiakkaat kertovat palautteessa sen helpottaneen hakemista.",
    "6.1": "Asiakaspalautetta kerätään jatkuvasti kaikista kanavista, ja tyytyväisyys on noussut.",
    "4.2": "Asiakaspaneeli on testannut uudistetun hakemuksen ennen käyttöönottoa.",
}
IMPROVEMENTS = [
    (
        "4.4",
        "Kootaan asiakkailta saatu tieto ja oivallukset yhteen paikkaan, jotta koko tiimi löytää ne",
        True,  # made a backlog item of the housing allowance
    ),
    ("3.2", "Tehdään tiimille osaamiskartoitus ja suunnitelma palvelumuotoilun koulutuksesta", False),
]


@transaction.atomic
def load_demo_selfassessment(today: datetime.date | None = None) -> Round | None:
    unit = Unit.objects.filter(name_en=UNIT).first()
    users = {user.username: user for user in get_user_model().objects.filter(username__in=ASSESSORS)}
    if unit is None or len(users) < len(ASSESSORS):
        return None
    if not Framework.objects.filter(code="caf-2020").exists():
        load_builtin()
    caf = Framework.objects.get(code="caf-2020")
    if Round.objects.filter(unit=unit, framework=caf).exists():
        return None
    today = today or timezone.localdate()
    admin = get_user_model().objects.filter(username="admin").first()
    assessors = [users[name] for name in ASSESSORS]
    subs = {sub.code: sub for sub in Subcriterion.objects.filter(criterion__framework=caf)}

    earlier = Round.objects.create(
        framework=caf,
        unit=unit,
        title="CAF-itsearviointi, asumisen tuet",
        assessed_on=today - datetime.timedelta(days=365),
        status=Round.Status.CLOSED,
        created_by=admin,
    )
    earlier.assessors.set(assessors)
    Consensus.objects.bulk_create(
        Consensus(round=earlier, subcriterion=subs[code], value=values[3], updated_by=admin)
        for code, values in SCORES.items()
    )

    latest = Round.objects.create(
        framework=caf,
        unit=unit,
        title="CAF-itsearviointi, asumisen tuet",
        assessed_on=today - datetime.timedelta(days=14),
        status=Round.Status.CLOSED,
        created_by=admin,
    )
    latest.assessors.set(assessors)
    for code, (own, team, value, _last_year) in SCORES.items():
        notes = EVIDENCE.get(code, ("", ""))
        for assessor, score, evidence in zip(assessors, (own, team), notes, strict=True):
            Score.objects.create(
                round=latest, subcriterion=subs[code], assessor=assessor, value=score, evidence=evidence
            )
        Consensus.objects.create(
            round=latest, subcriterion=subs[code], value=value, strengths=STRENGTHS.get(code, ""), updated_by=admin
        )
    service = Service.objects.filter(slug=SERVICE, unit=unit).first()
    for code, text, to_backlog in IMPROVEMENTS:
        improvement = Improvement.objects.create(round=latest, subcriterion=subs[code], text=text, created_by=admin)
        if to_backlog and service is not None:
            improvement.backlog_item = create_item(
                service,
                users["owner"],
                title=text,
                description=(
                    f"CAF-itsearvioinnissa ({latest.assessed_on:%d.%m.%Y}) löytynyt kehittämiskohde, "
                    f"osa-alue {code}: {subs[code].name_fi}"
                ),
            )
            improvement.save(update_fields=["backlog_item"])
    return latest
