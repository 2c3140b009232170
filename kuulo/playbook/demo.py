"""The playbook in the demo: the shipped cards, terms and role guides (added when missing), two
downloadable templates, sparring partners among the demo's staff and one answered request.
Safe to run again."""

from kuulo.accounts.models import User
from kuulo.playbook.models import HelpRequest, Method, MethodTemplate, SparringPartner
from kuulo.playbook.pack import import_pack, shipped_pack

INTERVIEW_GUIDE = """Haastattelurunko – asiakashaastattelu

1. Aloitus (5 min)
- Kiitä ja kerro, mihin haastattelu liittyy.
- Kerro, miten tietoja käytetään. Kysy lupa nauhoittaa.

2. Asiakkaan tilanne (10 min)
- Kerro lyhyesti itsestäsi ja tilanteestasi.
- Milloin viimeksi asioit kanssamme? Kerro, mitä tapahtui.

3. Kokemus (20 min)
- Mikä sujui hyvin?
- Missä kohdassa jäit miettimään, mitä tehdä seuraavaksi?
- Mistä haet apua, kun jokin on epäselvää?

4. Lopetus (5 min)
- Onko jotain, mitä emme kysyneet mutta pitäisi tietää?
- Kiitä ja kerro, miten kuulet tuloksista.
"""

RETRO_BOARD = """Retrospektiivin pohja / Mall för retrospektiv / Retrospective template

Edelliset toimenpiteet – tehtiinkö? / Förra åtgärderna – blev de gjorda? / Last actions – done?

Mikä meni hyvin? / Vad gick bra? / What went well?

Mikä oli vaikeaa? / Vad var svårt? / What was hard?

Mitä opimme? / Vad lärde vi oss? / What did we learn?

Toimenpiteet (enintään 3) ja tekijät / Åtgärder (högst 3) och ansvariga / Actions (at most 3) and owners
"""

TEMPLATES = [
    ("customer-interviews", "Haastattelurunko", "haastattelurunko.txt", INTERVIEW_GUIDE),
    ("retrospective", "Retrospektiivin pohja", "retrospektiivi.txt", RETRO_BOARD),
]

# username: (card slug, how they can help)
PARTNERS = {
    "team": [
        ("customer-journey-mapping", "Olen vetänyt kaksi polkutyöpajaa. Autan mielelläni ensimmäisen kanssa."),
        ("comment-analysis", "Käyn kommentit läpi joka viikko. Näytän, miten teemoja korjataan."),
    ],
    "owner": [
        ("backlog-prioritisation", "Kysy, miten järjestän kehitysjonon vaikutuksen mukaan."),
        ("retrospective", "Voin vetää tiiminne ensimmäisen retrospektiivin."),
    ],
}


def load_demo_playbook() -> None:
    import_pack(shipped_pack())
    for slug, name, filename, text in TEMPLATES:
        method = Method.objects.get(slug=slug)
        data = text.encode("utf-8")
        MethodTemplate.objects.update_or_create(
            method=method,
            filename=filename,
            defaults={"name": name, "content_type": "text/plain; charset=utf-8", "data": data, "size": len(data)},
        )
    users = User.objects.in_bulk([*PARTNERS, "viewer"], field_name="username")
    for username, offers in PARTNERS.items():
        if username not in users:
            continue
        for slug, note in offers:
            SparringPartner.objects.update_or_create(
                method=Method.objects.get(slug=slug), user=users[username], defaults={"note": note}
            )
    if "viewer" in users and "owner" in users:
        HelpRequest.objects.get_or_create(
            method=Method.objects.get(slug="backlog-prioritisation"),
            requester=users["viewer"],
            partner=users["owner"],
            defaults={
                "message": "Johtoryhmä haluaa ymmärtää, miksi kehitysjono on tässä järjestyksessä. Ehtisitkö näyttää?",
                "status": HelpRequest.Status.HELPED,
            },
        )
