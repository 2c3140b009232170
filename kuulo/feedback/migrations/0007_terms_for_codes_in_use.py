"""Makes a customer group or touchpoint term of every code that responses and collection points
already carry, so that pages can show names. The name is the code made readable ("private-person"
→ "Private person", in English until an organisation admin writes the others); codes that already
have a term are left as they are."""

from django.db import migrations


def readable(code: str) -> str:
    words = " ".join(code.replace("-", " ").replace("_", " ").split())
    return (words[:1].upper() + words[1:])[:200] or code


def add_terms(apps, schema_editor):
    Organisation = apps.get_model("organisation", "Organisation")
    Term = apps.get_model("organisation", "Term")
    Response = apps.get_model("feedback", "Response")
    CollectionPoint = apps.get_model("surveys", "CollectionPoint")
    in_use = {
        "customer_group": set(Response.objects.values_list("customer_group", flat=True).distinct().order_by()),
        "touchpoint": set(Response.objects.values_list("touchpoint", flat=True).distinct().order_by())
        | set(CollectionPoint.objects.values_list("touchpoint", flat=True).distinct().order_by()),
    }
    if not any(code for codes in in_use.values() for code in codes):
        return
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        organisation = Organisation.objects.create(name_fi="Kuulo", name_sv="Kuulo", name_en="Kuulo")
    for kind, codes in in_use.items():
        known = set(Term.objects.filter(organisation=organisation, kind=kind).values_list("code", flat=True))
        new = sorted(code for code in codes if code and code not in known)
        start = Term.objects.filter(organisation=organisation, kind=kind).count()
        Term.objects.bulk_create(
            Term(organisation=organisation, kind=kind, code=code, name_en=readable(code), position=start + index)
            for index, code in enumerate(new)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0006_comment_indexes"),
        ("organisation", "0002_term"),
        ("surveys", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
