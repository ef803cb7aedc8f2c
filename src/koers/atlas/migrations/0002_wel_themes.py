"""WEL in Flevoland's seven themes (seed 001; DOMAIN.md), each with a colour of the
Okabe–Ito palette, which colour-blind readers can tell apart."""

from django.db import migrations

THEMES = [
    ("kunst-en-cultuur", "Kunst en cultuur", "#E69F00"),
    ("sport", "Sport", "#56B4E9"),
    ("natuur", "Natuur", "#009E73"),
    ("taal-en-gezondheid", "Taal en gezondheid", "#CC79A7"),
    ("eenzaamheid", "Eenzaamheid", "#0072B2"),
    ("mentale-gezondheid", "Mentale gezondheid", "#D55E00"),
    ("digitale-gezondheid", "Digitale gezondheid", "#000000"),
]


def add_themes(apps, schema_editor):
    theme = apps.get_model("atlas", "Theme")
    for order, (slug, name, colour) in enumerate(THEMES):
        theme.objects.get_or_create(slug=slug, defaults={"name": name, "colour": colour, "order": order})


class Migration(migrations.Migration):
    dependencies = [("atlas", "0001_initiatives_and_collaborations")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
