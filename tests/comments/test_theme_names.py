"""Theme names in Finnish, Swedish and English: each page shows the name in the
reader's language, or another language's name when that one is missing; staff
write the three names; automatic themes are named from each language's top terms."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse

from kuulo.comments import actions
from kuulo.comments.analysis.themes import names_from
from kuulo.comments.models import Theme
from tests.comments.pages import make_comment

NAMES = {"fi": "Jonotus", "sv": "Köer", "en": "Queueing"}


def named_theme(service=None, kind=Theme.Kind.AUTO, **names) -> Theme:
    return Theme.objects.create(
        kind=kind, service=service, terms=["jono"], **{f"name_{c}": n for c, n in names.items()}
    )


def in_language(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize(("language", "shown"), [("fi", "Jonotus"), ("sv", "Köer"), ("en", "Queueing")])
def test_the_themes_page_shows_each_theme_in_the_readers_language(client_as, service, language, shown):
    theme = named_theme(service, **NAMES)
    make_comment(service, "Jonossa meni tunti.", themes=[theme])
    client = in_language(client_as("viewer"), language)
    content = client.get(reverse("comments:theme_list", args=[service.pk])).content.decode()
    assert f">{shown}</a>" in content
    assert not [name for name in NAMES.values() if name != shown and name in content]


def test_a_missing_name_falls_back_to_another_language(client_as, service):
    theme = named_theme(service, fi="Jonotus")
    make_comment(service, "Jonossa meni tunti.", themes=[theme])
    client = in_language(client_as("viewer"), "sv")
    content = client.get(reverse("comments:theme_list", args=[service.pk])).content.decode()
    assert ">Jonotus</a>" in content


def test_comments_their_filter_and_the_panel_show_theme_names_in_the_readers_language(client_as, service):
    theme = named_theme(service, **NAMES)
    make_comment(service, "Jonossa meni tunti.", themes=[theme])
    client = in_language(client_as("viewer"), "sv")
    content = client.get(reverse("comments:comment_list", args=[service.pk])).content.decode()
    assert f'?theme={theme.pk}">Köer</a>' in content  # the chip
    assert f'<option value="{theme.pk}">Köer</option>' in content  # the filter
    panel = client.get(reverse("comments:dashboard_panel", args=[service.pk])).content.decode()
    assert "Köer (1)" in panel
    assert "Queueing" not in content + panel and "Jonotus" not in content + panel


def test_theme_chips_are_in_alphabetical_order_of_the_readers_language(client_as, service):
    first = named_theme(service, fi="A-teema", en="Z theme")
    second = named_theme(service, fi="B-teema", en="Y theme")
    make_comment(service, "Jonossa meni tunti.", themes=[first, second])
    for language, expected in (("fi", ["A-teema", "B-teema"]), ("en", ["Y theme", "Z theme"])):
        response = in_language(client_as("viewer"), language).get(reverse("comments:comment_list", args=[service.pk]))
        assert [link.theme.name for link in response.context["page"].comments[0].links] == expected


def test_the_csv_of_the_comments_has_theme_names_in_the_readers_language(client_as, service):
    theme = named_theme(service, **NAMES)
    make_comment(service, "Jonossa meni tunti.", themes=[theme])
    response = in_language(client_as("viewer"), "en").get(reverse("comments:comment_export", args=[service.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert "Queueing" in rows[1]


# Staff write the names


def test_a_product_owner_renames_a_theme_in_three_languages(client_as, service):
    theme = named_theme(service, fi="jono · odotusaika")
    url = reverse("comments:theme_rename", args=[service.pk, theme.pk])
    client = client_as("product_owner")
    form = client.get(url).content.decode()
    assert 'name="name_fi"' in form and 'name="name_sv"' in form and 'name="name_en"' in form
    assert 'value="jono · odotusaika"' in form
    response = client.post(url, {"name_fi": " Jonotus ", "name_sv": "Köer", "name_en": ""})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.names == {"fi": "Jonotus", "sv": "Köer", "en": ""} and theme.named_by_staff


def test_a_theme_needs_a_name_in_at_least_one_language(client_as, service):
    theme = named_theme(service, fi="Jonotus")
    url = reverse("comments:theme_rename", args=[service.pk, theme.pk])
    response = client_as("product_owner").post(url, {"name_fi": "  ", "name_sv": "", "name_en": ""})
    assert response.status_code == 422
    assert "Write the name in at least one language." in response.content.decode()
    assert Theme.objects.get(pk=theme.pk).name_fi == "Jonotus"
    response = client_as("product_owner").post(
        reverse("comments:rule_create", args=[service.pk]), {"name_sv": "", "terms": "jono"}
    )
    assert response.status_code == 422
    assert Theme.objects.count() == 1


def test_a_name_longer_than_120_characters_is_refused(client_as, service):
    theme = named_theme(service, fi="Jonotus")
    url = reverse("comments:theme_rename", args=[service.pk, theme.pk])
    assert client_as("product_owner").post(url, {"name_sv": "x" * 121}).status_code == 422


def test_a_rule_theme_is_created_and_edited_with_names_in_three_languages(client_as, service):
    client = client_as("product_owner")
    data = {"name_fi": "", "name_sv": "Blanketter", "name_en": "Forms", "terms": "lomake, blankett"}
    assert client.post(reverse("comments:rule_create", args=[service.pk]), data).status_code == 302
    rule = Theme.objects.get(kind=Theme.Kind.RULE)
    assert rule.names == {"fi": "", "sv": "Blanketter", "en": "Forms"}
    edit = reverse("comments:rule_edit", args=[service.pk, rule.pk])
    assert 'value="Blanketter"' in client.get(edit).content.decode()
    data = {"name_fi": "Lomakkeet", "name_sv": "Blanketter", "name_en": "", "terms": "lomake"}
    assert client.post(edit, data).status_code == 302
    rule.refresh_from_db()
    assert rule.names == {"fi": "Lomakkeet", "sv": "Blanketter", "en": ""}


def test_the_actions_refuse_a_theme_without_any_name(service):
    with pytest.raises(ValueError):
        actions.create_rule_theme({"fi": " ", "sv": ""}, ["jono"])
    theme = named_theme(service, fi="Jonotus")
    with pytest.raises(ValueError):
        actions.rename_theme(theme, {})
    assert Theme.objects.get(pk=theme.pk).name_fi == "Jonotus"


# Names of automatic themes


def test_an_automatic_theme_is_named_in_each_language_after_its_top_terms_there():
    names = names_from({"fi": ["kerta", "jono", "odotusaika"], "sv": ["kö"], "en": []})
    assert names["fi"].split(" · ")[0] == "jono"  # a dictionary term comes first
    assert len(names["fi"].split(" · ")) == 2
    assert names["sv"] == "kö"
    assert names["en"] == ""  # no English comments: pages show another language's name


def test_a_theme_without_terms_is_called_a_dash():
    assert names_from({}) == {"fi": "—", "sv": "—", "en": "—"}


def test_a_name_given_as_plain_text_is_the_default_languages(service, settings):
    settings.LANGUAGE_CODE = "sv"
    theme = actions.create_rule_theme("Köer", ["kö"])
    assert theme.names == {"fi": "", "sv": "Köer", "en": ""}
