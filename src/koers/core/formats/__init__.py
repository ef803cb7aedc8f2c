"""Koers's own date, time and money formats per language (settings.FORMAT_MODULE_PATH).

One way to write a date: "18 maart 2021" in Dutch, "18 March 2021" in English — day, month
name, year — and a timestamp as "18 maart 2021, 14:05". Templates show a date with
`{{ value }}` or `{{ value|date }}` (DATE_FORMAT) and a timestamp with `{{ value }}` or
`|date:"DATETIME_FORMAT"`; Python with `django.utils.formats.date_format(value)`. No page
writes a pattern of its own. The two named shorter forms, for where the year is already
said (a week's grid, a year's months):

- MONTH_DAY_FORMAT: "18 maart" — a day in a week or year the heading names;
- YEAR_MONTH_FORMAT: "maart 2021" — a month.

There is no numeric short form: SHORT_DATE_FORMAT and SHORT_DATETIME_FORMAT are the long
ones, so whatever asks for them (the admin, a library) writes the date the same way.
Input fields keep ISO dates (type=date); links and exports keep ISO too.

EURO_FORMAT places a formatted amount after the euro sign (koers.core.money.euro, the only
user): a no-break space in Dutch, so "€" never wraps away from its amount, as the Taalunie
(taaladvies.net, "euro") and the Rijksoverheid write it ("€ 1.069.937"); none in English
("€1,069,937").
"""
