"""Open comments for the demo, written the way customers write them.

A comment is put together from an opener, one or two sentences about a topic
that fits the service, the touchpoint and the story of the day, and a
closing, in the respondent's language and mood. The many variants give
hundreds of distinct texts. A few comments carry a phone number or an e-mail
address, as real ones do, so the redaction on storage has something to show.
"""

import random

from kuulo.demo.stories import QUEUE_DAYS_AGO, REDESIGN_DAYS_AGO

POSITIVE, NEUTRAL, NEGATIVE = "pos", "neu", "neg"

# topic -> mood -> language -> sentences
TOPICS: dict[str, dict[str, dict[str, list[str]]]] = {
    "queue": {
        POSITIVE: {
            "fi": [
                "Pääsin läpi nopeasti, jonoa ei juuri ollut.",
                "Takaisinsoitto tuli samana päivänä, kiitos!",
                "Yllättävän lyhyt jono.",
            ],
            "sv": ["Jag kom fram snabbt, nästan ingen kö.", "Jag blev uppringd samma dag, tack!"],
            "en": ["I got through quickly, hardly any queue.", "They called me back the same day, thanks!"],
        },
        NEUTRAL: {
            "fi": [
                "Jonotin vähän aikaa, mutta asia hoitui.",
                "Odotusaika oli noin kymmenen minuuttia, mikä on vielä ok.",
                "Jonossa olisi hyvä kertoa arvioitu odotusaika.",
                "Takaisinsoittomahdollisuus olisi kätevä, kun jono on pitkä.",
            ],
            "sv": [
                "Jag fick vänta en stund, men ärendet blev klart.",
                "Det vore bra att få veta den beräknade kötiden.",
            ],
            "en": [
                "I had to wait a while, but my issue was solved.",
                "It would help to hear the expected waiting time.",
            ],
        },
        NEGATIVE: {
            "fi": [
                "Jonotin puhelimessa yli puoli tuntia.",
                "Jonotusaika oli aivan liian pitkä, lähes 40 minuuttia.",
                "Puhelu katkesi jonossa kahdesti ja jouduin aloittamaan alusta.",
                "Jonossa odottaminen vei koko lounastauon.",
                "Takaisinsoittopyyntöä ei voinut jättää, vaikka jono oli pitkä.",
                "Soitin kolmena päivänä ennen kuin pääsin läpi.",
                "Jonot ovat pidentyneet syksyn aikana todella paljon.",
                "Jono oli niin pitkä, että luovutin ensimmäisellä kerralla.",
            ],
            "sv": [
                "Jag väntade i telefonkö i över en halvtimme.",
                "Kötiden var alldeles för lång.",
                "Samtalet bröts medan jag köade och jag fick börja om.",
                "Jag ringde tre dagar i rad innan jag kom fram.",
            ],
            "en": [
                "I waited on the phone for over half an hour.",
                "The queue was far too long.",
                "The call dropped while I was in the queue and I had to start again.",
            ],
        },
    },
    "staff": {
        POSITIVE: {
            "fi": [
                "Virkailija oli todella ystävällinen ja kärsivällinen.",
                "Asiakaspalvelija selitti asiat selkeästi ja rauhallisesti.",
                "Ystävällinen ja osaava palvelu.",
                "Minua kuunneltiin ja asiani otettiin vakavasti.",
                "Palvelu oli lämmintä ja asiallista.",
                "Neuvoja jaksoi käydä kaikki kysymykseni läpi.",
            ],
            "sv": [
                "Handläggaren var mycket vänlig och tålmodig.",
                "Kunnig och trevlig personal.",
                "Jag fick service på svenska utan problem, tack!",
            ],
            "en": [
                "The staff member was very friendly and patient.",
                "Helpful and knowledgeable staff.",
                "They explained everything clearly in English.",
            ],
        },
        NEUTRAL: {
            "fi": ["Virkailija oli asiallinen, vaikka kaikkeen ei löytynyt vastausta.", "Palvelu oli ihan ok."],
            "sv": ["Personalen var saklig men hade inte svar på allt."],
            "en": ["Polite service, though not all my questions were answered."],
        },
        NEGATIVE: {
            "fi": [
                "Virkailija vaikutti kiireiseltä eikä jaksanut kuunnella.",
                "Sain eri neuvon kuin edellisellä kerralla.",
                "Tuntui, ettei asiakaspalvelija tuntenut asiaa.",
            ],
            "sv": ["Det var svårt att få service på svenska.", "Jag fick olika råd av olika personer."],
            "en": ["The person seemed in a hurry and did not really listen.", "I got different advice than last time."],
        },
    },
    "form": {
        POSITIVE: {
            "fi": [
                "Hakemuksen täyttäminen sujui nopeasti, noin kymmenessä minuutissa.",
                "Lomake ohjasi hyvin eteenpäin, eikä tarvinnut arvailla.",
                "Tiedot olivat valmiiksi täytettyinä, mikä helpotti paljon.",
                "Helppo ja selkeä verkkopalvelu.",
            ],
            "sv": ["Det gick snabbt att fylla i ansökan.", "Smidig och tydlig e-tjänst."],
            "en": ["Filling in the application was quick and easy.", "A clear and simple online service."],
        },
        NEUTRAL: {
            "fi": [
                "Lomake oli ihan toimiva, mutta pitkä.",
                "Osa kysymyksistä oli vaikea ymmärtää, muuten ok.",
                "Keskeneräisen hakemuksen tallentaminen olisi hyvä lisä.",
            ],
            "sv": ["Formuläret fungerade, men det var långt.", "Några frågor var svåra att förstå."],
            "en": ["The form worked, but it was long.", "Some questions were hard to understand."],
        },
        NEGATIVE: {
            "fi": [
                "Lomake oli sekava ja kysyi samoja asioita moneen kertaan.",
                "Istunto vanheni kesken täytön ja tiedot hävisivät.",
                "En ymmärtänyt, mitä tuloja lomakkeeseen piti ilmoittaa.",
                "Hakemuksen lähettäminen ei onnistunut puhelimella.",
                "Lomakkeessa oli aivan liikaa vaiheita.",
                "Virheilmoitus ei kertonut, mikä kenttä oli väärin.",
            ],
            "sv": [
                "Formuläret var rörigt och frågade samma sak flera gånger.",
                "Sessionen gick ut och uppgifterna försvann.",
                "Den svenska översättningen av formuläret var bristfällig.",
            ],
            "en": [
                "The form was confusing and asked the same things several times.",
                "My session expired and I lost everything I had typed.",
                "Parts of the form were only in Finnish.",
            ],
        },
    },
    "new_form": {
        POSITIVE: {
            "fi": [
                "Uusi hakemus on paljon selkeämpi kuin ennen!",
                "Uudistettu lomake toimii hienosti myös puhelimella.",
                "Nyt hakeminen on vihdoin helppoa, kiitos uudistuksesta.",
                "Uudessa palvelussa näkee koko ajan, mitä vielä puuttuu.",
            ],
            "sv": ["Den nya ansökan är mycket tydligare än förut!", "Det nya formuläret fungerar bra även i mobilen."],
            "en": ["The new application is much clearer than before!", "The redesigned form works well on my phone."],
        },
        NEUTRAL: {
            "fi": ["Uusi lomake on parempi, mutta tulojen ilmoittaminen on yhä hankalaa."],
            "sv": ["Det nya formuläret är bättre, men inkomstdelen är fortfarande krånglig."],
            "en": ["The new form is better, but declaring income is still tricky."],
        },
    },
    "attachments": {
        POSITIVE: {
            "fi": ["Liitteiden lisääminen onnistui helposti puhelimella.", "Liitteet latautuivat heti."],
            "sv": ["Det var lätt att skicka bilagor."],
            "en": ["Adding attachments was easy."],
        },
        NEUTRAL: {
            "fi": ["Liitteiden kanssa piti vähän kikkailla, mutta lopulta onnistui."],
            "sv": ["Bilagorna krånglade lite men det ordnade sig."],
            "en": ["Attachments were a bit fiddly but it worked in the end."],
        },
        NEGATIVE: {
            "fi": [
                "Liitteen lataaminen epäonnistui monta kertaa.",
                "PDF-liite ei mennyt läpi, eikä kerrottu miksi.",
                "Ei kerrottu, mitkä liitteet oikeasti tarvitaan.",
                "Liitteet katosivat, kun palasin edelliselle sivulle.",
                "Puhelimella otettu kuva oli liian suuri liitteeksi.",
            ],
            "sv": ["Det gick inte att ladda upp bilagan.", "Bilagan var för stor och systemet sa inte varför."],
            "en": ["Uploading the attachments failed several times.", "It wasn't clear which attachments were needed."],
        },
    },
    "processing": {
        POSITIVE: {
            "fi": ["Päätös tuli nopeammin kuin odotin.", "Hakemuksen tilan seuraaminen verkossa on kätevää."],
            "sv": ["Beslutet kom snabbare än väntat."],
            "en": ["The decision came sooner than expected."],
        },
        NEUTRAL: {
            "fi": [
                "Käsittelyaika on pitkä, mutta ainakin sen näkee etukäteen.",
                "Olisi kiva saada ilmoitus, kun hakemusta aletaan käsitellä.",
            ],
            "sv": ["Handläggningstiden är lång men man ser den i förväg."],
            "en": ["Processing is slow, but at least the estimate is shown."],
        },
        NEGATIVE: {
            "fi": [
                "Käsittely kestää aivan liian kauan.",
                "Odotin päätöstä yli kaksi kuukautta.",
                "Hakemus oli viikkoja tilassa 'vastaanotettu' eikä mitään tapahtunut.",
                "Lisäselvityspyyntö tuli vasta kuukauden päästä.",
            ],
            "sv": ["Handläggningen tar alldeles för lång tid.", "Jag väntade på beslutet i över två månader."],
            "en": ["Processing takes far too long.", "I have waited over two months for a decision."],
        },
    },
    "advice": {
        POSITIVE: {
            "fi": [
                "Sain selkeän vastauksen kysymykseeni.",
                "Neuvot olivat käytännöllisiä ja auttoivat heti.",
                "Kysymykseeni vastattiin perusteellisesti.",
            ],
            "sv": ["Jag fick ett tydligt svar på min fråga."],
            "en": ["I got a clear answer to my question."],
        },
        NEUTRAL: {
            "fi": ["Vastaus oli yleisellä tasolla, olisin kaivannut tarkempaa tietoa.", "Sain osittaisen vastauksen."],
            "sv": ["Svaret var ganska allmänt."],
            "en": ["The answer was rather general."],
        },
        NEGATIVE: {
            "fi": [
                "En saanut vastausta kysymykseeni.",
                "Minut ohjattiin vain verkkosivuille, jotka olin jo lukenut.",
                "Neuvo oli ristiriidassa myöhemmin tulleen päätöksen kanssa.",
            ],
            "sv": [
                "Jag fick inget svar på min fråga.",
                "Jag hänvisades bara till webbplatsen som jag redan hade läst.",
            ],
            "en": ["My question was not answered.", "I was just pointed to the website I had already read."],
        },
    },
    "chatbot": {
        POSITIVE: {
            "fi": ["Botti löysi oikean ohjeen yllättävän hyvin.", "Sain illalla nopeasti vastauksen botilta."],
            "sv": ["Boten hittade rätt anvisning."],
            "en": ["The bot found the right instructions quickly."],
        },
        NEUTRAL: {
            "fi": ["Botti osasi perusasiat, mutta tarkempaan kysymykseen se ei vastannut."],
            "sv": ["Boten klarade bara enkla frågor."],
            "en": ["The bot handled the basics only."],
        },
        NEGATIVE: {
            "fi": [
                "Chatbotti ei ymmärtänyt kysymystäni.",
                "Botti antoi samat linkit uudestaan ja uudestaan.",
                "Ihmisen kanssa ei päässyt illalla juttelemaan.",
                "Botti vastasi ihan eri asiaan kuin kysyin.",
            ],
            "sv": ["Chattboten förstod inte min fråga.", "Boten gav samma länkar om och om igen."],
            "en": ["The chatbot didn't understand my question.", "The bot kept giving me the same links."],
        },
    },
    "chat": {
        POSITIVE: {
            "fi": [
                "Chatissa sain avun parissa minuutissa!",
                "Chat on paras tapa asioida, ei tarvitse jonottaa puhelimessa.",
                "Chat-neuvoja oli nopea ja ystävällinen.",
            ],
            "sv": ["Jag fick hjälp i chatten på några minuter!"],
            "en": ["The chat helped me within minutes!"],
        },
        NEUTRAL: {
            "fi": ["Chatissa piti odottaa hetki, mutta sain vastauksen.", "Chat voisi olla auki myös viikonloppuisin."],
            "sv": ["Chatten kunde vara öppen även på helgen."],
            "en": ["It would be nice to have the chat open at weekends."],
        },
        NEGATIVE: {
            "fi": ["Chat katkesi kesken keskustelun.", "Jouduin selittämään asiani kahdelle eri neuvojalle."],
            "sv": ["Chatten bröts mitt i samtalet."],
            "en": ["The chat disconnected in the middle of the conversation."],
        },
    },
    "letter": {
        POSITIVE: {
            "fi": [
                "Päätöksessä oli heti alussa selkeä yhteenveto.",
                "Uusi päätöskirje on paljon selkeämpi kuin ennen.",
                "Laskelma oli selkeä ja ymmärrettävä.",
            ],
            "sv": ["Beslutet hade en tydlig sammanfattning i början."],
            "en": ["The decision had a clear summary at the top."],
        },
        NEUTRAL: {
            "fi": [
                "Päätös oli ymmärrettävä, mutta laskelma olisi voinut olla selkeämpi.",
                "Kirjeen alussa voisi olla lyhyt yhteenveto.",
            ],
            "sv": ["Beslutet gick att förstå men uträkningen kunde vara tydligare."],
            "en": ["A short summary at the top of the letter would help."],
        },
        NEGATIVE: {
            "fi": [
                "Päätöskirjeen kieli oli niin virkamiesmäistä, etten ymmärtänyt, saanko tukea vai en.",
                "Kirjeessä oli pykälänumeroita mutta ei selitystä.",
                "Päätöksen perustelut olivat vaikeaselkoisia.",
                "En ymmärtänyt, miten tuen määrä oli laskettu.",
                "Kirje oli neljä sivua, ja olennainen tieto oli viimeisellä.",
            ],
            "sv": [
                "Språket i beslutet var så byråkratiskt att jag inte förstod om jag fick stöd.",
                "Jag förstod inte hur beloppet var uträknat.",
                "Den svenska översättningen av beslutet var svår att förstå.",
            ],
            "en": [
                "The decision letter was so full of jargon I couldn't tell whether I got the benefit.",
                "I could not work out how the amount was calculated.",
            ],
        },
    },
    "permit": {
        POSITIVE: {
            "fi": [
                "Lupaneuvonnasta sai hyviä vinkkejä jo ennen hakemista.",
                "Katselmus sujui joustavasti ja tarkastaja oli asiantunteva.",
                "Lupa tuli sovitussa ajassa.",
            ],
            "sv": ["Lovrådgivningen gav bra tips redan innan vi ansökte."],
            "en": ["The permit advice gave useful tips before we applied."],
        },
        NEUTRAL: {
            "fi": [
                "Lupa saatiin, mutta prosessi kesti odotettua pidempään.",
                "Lupaneuvonta auttoi, mutta verkkopalvelun ohjeet ovat puutteelliset.",
            ],
            "sv": ["Vi fick lovet, men det tog längre tid än väntat."],
            "en": ["We got the permit, but it took longer than expected."],
        },
        NEGATIVE: {
            "fi": [
                "Lupaprosessi on hidas ja vaikeasti ennakoitava.",
                "Jouduin täydentämään hakemusta kolme kertaa, eikä kerralla kerrottu kaikkea puuttuvaa.",
                "Eri käsittelijät antoivat erilaisia ohjeita.",
                "Katselmusaikaa sai odottaa viikkoja.",
                "Piirustuksia koskevat vaatimukset olivat epäselvät.",
            ],
            "sv": ["Bygglovsprocessen är långsam och svår att förutse.", "Jag fick komplettera ansökan tre gånger."],
            "en": ["The permit process is slow and unpredictable.", "I had to supplement the application three times."],
        },
    },
    "booking": {
        POSITIVE: {
            "fi": [
                "Ajan varaaminen oli helppoa ja nopeaa.",
                "Sain vahvistuksen heti tekstiviestinä.",
                "Kalenterista näki heti vapaat ajat.",
            ],
            "sv": ["Det var lätt och snabbt att boka tid."],
            "en": ["Booking was quick and easy."],
        },
        NEUTRAL: {
            "fi": ["Vapaita aikoja oli vähän, mutta löysin sopivan.", "Ajan siirtäminen voisi olla helpompaa."],
            "sv": ["Det fanns få lediga tider men jag hittade en."],
            "en": ["Few free slots, but I found one."],
        },
        NEGATIVE: {
            "fi": [
                "Vapaita aikoja ei ollut kuukauteen.",
                "Ajan peruminen ei onnistunut verkossa.",
                "Varausvahvistusta ei tullut ollenkaan.",
            ],
            "sv": ["Det gick inte att avboka på nätet."],
            "en": ["There were no free times for a month."],
        },
    },
    "email_reply": {
        POSITIVE: {
            "fi": [
                "Vastaus tuli jo seuraavana päivänä.",
                "Sähköpostivastaus oli selkeä, ja siinä oli suorat linkit ohjeisiin.",
            ],
            "sv": ["Svaret kom redan nästa dag."],
            "en": ["The reply came the next day."],
        },
        NEUTRAL: {
            "fi": ["Vastaus tuli luvatussa ajassa, mutta olisin toivonut nopeampaa."],
            "sv": ["Svaret kom inom utlovad tid."],
            "en": ["The reply came within the promised time."],
        },
        NEGATIVE: {
            "fi": ["Vastausta sai odottaa yli viikon.", "Vastaus oli valmis fraasi eikä vastannut kysymykseeni."],
            "sv": ["Jag fick vänta över en vecka på svar."],
            "en": ["I waited over a week for a reply."],
        },
    },
    "service_point": {
        POSITIVE: {
            "fi": [
                "Asiointi palvelupisteessä oli sujuvaa.",
                "Pääsin heti palveltavaksi.",
                "Palvelupiste oli siisti ja rauhallinen.",
            ],
            "sv": ["Besöket gick smidigt."],
            "en": ["The visit went smoothly."],
        },
        NEUTRAL: {
            "fi": ["Vuoronumerolla joutui odottamaan parikymmentä minuuttia.", "Aukioloajat voisivat olla pidemmät."],
            "sv": ["Öppettiderna kunde vara längre."],
            "en": ["Longer opening hours would help."],
        },
        NEGATIVE: {
            "fi": [
                "Jonotin vuoronumerolla tunnin.",
                "Palvelupiste oli kiinni, vaikka verkkosivuilla luki auki.",
                "Esteetöntä sisäänkäyntiä oli vaikea löytää.",
            ],
            "sv": ["Jag väntade en timme med kölapp."],
            "en": ["I waited an hour with a queue ticket."],
        },
    },
    "website": {
        POSITIVE: {
            "fi": ["Löysin tarvitsemani tiedon helposti.", "Ohjeet verkkosivuilla olivat selkeät."],
            "sv": ["Jag hittade informationen lätt."],
            "en": ["I found what I needed easily."],
        },
        NEUTRAL: {
            "fi": ["Tieto löytyi, mutta vasta usean klikkauksen jälkeen."],
            "sv": ["Informationen fanns men var svår att hitta."],
            "en": ["The information was there but took many clicks."],
        },
        NEGATIVE: {
            "fi": [
                "Tietoa oli vaikea löytää sivuilta.",
                "Hakutoiminto ei löytänyt mitään järkevää.",
                "Ohjeet olivat ristiriitaisia.",
            ],
            "sv": ["Sökfunktionen hittade ingenting."],
            "en": ["The search did not find anything useful."],
        },
    },
}

OPENERS = {
    POSITIVE: {
        "fi": ["", "", "", "Kiitos!", "Kiitos hyvästä palvelusta.", "Hyvää työtä!", "Kaikki sujui hyvin."],
        "sv": ["", "", "Tack!", "Bra service."],
        "en": ["", "", "Thanks!", "Great service."],
    },
    NEUTRAL: {"fi": ["", "", "Ihan ok.", "Kohtalaisesti meni."], "sv": ["", "Helt okej."], "en": ["", "It was okay."]},
    NEGATIVE: {
        "fi": ["", "", "", "Huono kokemus.", "Harmittaa.", "Ei näin."],
        "sv": ["", "", "Dålig upplevelse.", "Tyvärr inte bra."],
        "en": ["", "", "Bad experience.", "Not good."],
    },
}

CLOSINGS = {
    POSITIVE: {
        "fi": ["", "", "", "Jatkakaa samaan malliin!", "Suosittelen.", "Iso kiitos!"],
        "sv": ["", "", "Fortsätt så!", "Tack så mycket!"],
        "en": ["", "", "Keep it up!", "Many thanks!"],
    },
    NEUTRAL: {"fi": ["", "", "Muuten kaikki hyvin."], "sv": ["", "Annars bra."], "en": ["", "Otherwise fine."]},
    NEGATIVE: {
        "fi": ["", "", "Toivottavasti tähän tulee parannus.", "Korjatkaa tämä pian.", "Tämä pitää korjata."],
        "sv": ["", "", "Hoppas att det blir bättre.", "Det här måste åtgärdas."],
        "en": ["", "", "I hope this gets better.", "Please fix this."],
    },
}

# Personal data customers leave although the survey asks them not to.
# Stored comments must never contain these: redaction replaces them.
PHONES = ["040 123 4567", "050 765 4321", "044 987 6543", "+358 40 555 1234", "070-123 45 67", "+46 70 765 43 21"]
EMAILS = ["matti.virtanen@esimerkki.fi", "liisa.korhonen@posti.example", "anna.berg@exempel.se", "j.smith@example.com"]
CONTACTS = {
    "fi": [
        "Voitte soittaa minulle numeroon {phone}.",
        "Ottakaa yhteyttä, puh. {phone}",
        "Vastatkaa minulle osoitteeseen {email}",
        "Sähköpostini on {email}, jos tarvitsette lisätietoja.",
    ],
    "sv": ["Ring mig gärna på {phone}.", "Min e-post är {email}."],
    "en": ["Please call me on {phone}.", "You can reach me at {email}."],
}
CONTACT_SHARE = 0.01  # of all comments, roughly; only unhappy ones leave contacts

# slug -> touchpoint ("*" for any) -> topics to draw from
SERVICE_TOPICS = {
    "housing-allowance-online": {
        "application-form": ["form", "form", "website", "processing"],
        "attachments": ["attachments", "attachments", "form"],
        "application-status": ["processing", "processing", "website"],
    },
    "advice-line": {"*": ["staff", "advice", "queue"]},
    "service-point": {"*": ["service_point", "staff", "advice"]},
    "building-permit": {"*": ["permit", "permit", "advice", "website", "processing"]},
    "renovation-grant": {"*": ["form", "attachments", "processing", "website"]},
    "chat-advice": {"chatbot": ["chatbot"], "chat-agent": ["chat", "chat", "advice", "staff"]},
    "decision-letters": {"*": ["letter", "letter", "letter", "processing"]},
    "appointment-booking": {"*": ["booking", "booking", "website"]},
    "housing-advice-email": {"*": ["email_reply", "advice", "staff"]},
}

CHANCE = {1: 0.55, 2: 0.45, 3: 0.3, 4: 0.17, 5: 0.2}  # of leaving a comment, by CSAT answer


def mood_of(csat: int) -> str:
    return NEGATIVE if csat <= 2 else NEUTRAL if csat == 3 else POSITIVE


def wants_to_comment(rng: random.Random, csat: int) -> bool:
    return rng.random() < CHANCE[csat]


def _topic(rng: random.Random, slug: str, touchpoint: str, mood: str, days_ago: int) -> str:
    if slug == "advice-line" and mood != POSITIVE and rng.random() < (0.75 if days_ago < QUEUE_DAYS_AGO else 0.3):
        return "queue"
    redesigned = slug == "housing-allowance-online" and days_ago < REDESIGN_DAYS_AGO - 7
    if redesigned and mood != NEGATIVE and rng.random() < 0.45:
        return "new_form"
    by_touchpoint = SERVICE_TOPICS[slug]
    return rng.choice(by_touchpoint.get(touchpoint) or by_touchpoint["*"])


def _sentence(rng: random.Random, topic: str, mood: str, language: str) -> str:
    moods = TOPICS[topic]
    return rng.choice(moods.get(mood, moods[NEUTRAL])[language])


def write_comment(rng: random.Random, slug: str, touchpoint: str, csat: int, language: str, days_ago: int) -> str:
    """A comment by a respondent who answered `csat` on that day."""
    mood = mood_of(csat)
    topic = _topic(rng, slug, touchpoint, mood, days_ago)
    parts = [rng.choice(OPENERS[mood][language])]
    if mood == NEGATIVE and slug in ("advice-line", "service-point") and rng.random() < 0.25:
        parts.append(_sentence(rng, "staff", POSITIVE, language))  # friendly staff, long queue
    parts.append(_sentence(rng, topic, mood, language))
    if rng.random() < 0.3:
        other = rng.choice(SERVICE_TOPICS[slug].get(touchpoint) or SERVICE_TOPICS[slug]["*"])
        second_mood = rng.choice([POSITIVE, NEGATIVE]) if mood == NEUTRAL else mood
        parts.append(_sentence(rng, other, second_mood, language))
    parts.append(rng.choice(CLOSINGS[mood][language]))
    if mood != POSITIVE and rng.random() < CONTACT_SHARE * 3:  # unhappy people want an answer
        contact = rng.choice(CONTACTS[language])
        parts.append(contact.format(phone=rng.choice(PHONES), email=rng.choice(EMAILS)))
    text = " ".join(dict.fromkeys(part for part in parts if part))
    # People type in a hurry: some drop the last full stop or the capital.
    roll = rng.random()
    if roll < 0.12 and text.endswith("."):
        text = text[:-1]
    elif roll < 0.18:
        text = text[0].lower() + text[1:]
    return text
