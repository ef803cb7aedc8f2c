"""English formats; see koers.core.formats. Day before month and a 24-hour clock, as in
the Dutch interface, so a date reads the same way in both languages."""

DATE_FORMAT = "j F Y"  # 18 March 2021
DATETIME_FORMAT = "j F Y, H:i"  # 18 March 2021, 14:05
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"  # 18 March
YEAR_MONTH_FORMAT = "F Y"  # March 2021
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
FIRST_DAY_OF_WEEK = 1  # Monday, as the week grid and ISO weeks count
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
EURO_FORMAT = "€%s"  # €1,069,937
