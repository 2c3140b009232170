"""Links to the playbook's method cards, which another app owns.

A card is named by its stable slug; the link is drawn only when the playbook
is installed and knows the URL, otherwise the title stored with the reference
stands alone.
"""

from django.urls import NoReverseMatch, reverse


def card_url(slug: str) -> str:
    if not slug:
        return ""
    try:
        return reverse("playbook:method_detail", kwargs={"slug": slug})
    except NoReverseMatch:
        return ""
