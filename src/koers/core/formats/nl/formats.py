"""Dutch formats; see koers.core.formats. What is not here comes from Django's nl locale
(separators "." and ",", input formats)."""

DATE_FORMAT = "j F Y"  # 18 maart 2021
DATETIME_FORMAT = "j F Y, H:i"  # 18 maart 2021, 14:05
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"  # 18 maart
YEAR_MONTH_FORMAT = "F Y"  # maart 2021
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
EURO_FORMAT = "€\u00a0%s"  # € 1.069.937, with a no-break space
