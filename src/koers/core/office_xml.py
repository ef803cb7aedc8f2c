"""Counting the XML of an uploaded Office file as a parser is handed it, so that a file
small enough to pass the zip check (`koers.core.archives`) still cannot make the parser
build more than a real file needs.

openpyxl, even reading "read-only", builds each part it parses as a tree of Python
objects before it hands anything over: the styles part whole, each row of a sheet whole.
A 9.5 MB workbook whose only row held 2.5 million cells held it for over a minute at
1.1 GB; 300,000 cell formats in 470 KB for 25 s at 625 MB; both pass any check of sizes.
So the workbook is read through `CountingArchive`: every part openpyxl opens is fed, as
it reads it, to expat (which builds nothing) and refused, before openpyxl has the bytes,
once it holds more elements than the limits. Only what openpyxl really reads is counted,
so a large part it never opens (a pivot cache, a chart) does not refuse a real workbook.
python-docx parses every XML part of a Word document whole, so `check_word_document`
counts all of them. A DOCTYPE is refused in both: Office files never carry one, and it
is how entity expansion ("billion laughs") starts.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class XmlLimits:
    """How many elements a file may hand its parser: in all, in one part that is parsed
    whole, and under one element below the root (a row, a string, a list of formats)."""

    total: int
    whole_part: int
    item: int | None = None


# What openpyxl reads of a workbook for an import. Its styles, workbook and relations
# parts are parsed whole: a real workbook's styles run to hundreds or a few thousand
# elements (Excel warns of "too many different cell formats" at 64,000 formats, which
# take openpyxl 9 s). A row holds at most 16,384 cells (Excel's own limit), each a c and a
# v, a text a few more. A cell is two to four elements (with its shared string): the
# longest import, 20,000 hour rows of 7 columns, is 400,000 to 600,000 elements; a
# directory of 5,000 rows and 40 filled columns about 800,000. A million and a half is
# about twice that, and keeps what openpyxl can be made to do near what the largest honest
# import costs (bench/README.md: 740,000 shared strings, about the most a file within every
# limit holds, take 10 s of CPU and 205 MB; 20,000 hour rows 12 s and 146 MB).
WORKBOOK = XmlLimits(total=1_500_000, whole_part=20_000, item=65_536)
# python-docx parses every part of a Word document whole. The standard quote template
# holds about 19,000 elements (18,000 of them Word's two lists of styles), a document of
# a hundred pages about 40,000.
WORD_DOCUMENT = XmlLimits(total=200_000, whole_part=200_000)


def _count(count: int) -> str:
    return number_format(count, force_grouping=True)


class XmlBudget:
    """The elements handed to a parser so far, over all parts of one file."""

    def __init__(self, limits: XmlLimits, *, word: bool = False) -> None:
        self.limits = limits
        self.word = word
        self.elements = 0

    def counter(self, *, whole: bool) -> PartCounter:
        return PartCounter(self, whole=whole)

    def refuse_total(self) -> ValidationError:
        if self.word:
            return ValidationError(
                _(
                    "The Word document holds more than %(count)s elements; Koers does not "
                    "read that much. A template is a letter of a few pages: save it without "
                    "what it does not need."
                )
                % {"count": _count(self.limits.total)},
                code="xml_total",
            )
        return ValidationError(
            _(
                "The file holds more than %(count)s cells and values; Koers does not read "
                "that much in one import. Split the file."
            )
            % {"count": _count(self.limits.total)},
            code="xml_total",
        )


class PartCounter:
    """Feeds one part to expat and counts its elements; raises a ValidationError for the
    user from `feed` once a limit is passed."""

    def __init__(self, budget: XmlBudget, *, whole: bool) -> None:
        self.budget = budget
        self.whole = whole
        self.elements = 0
        self.depth = 0
        self.item_start = 0
        self.in_rows = False  # inside a sheet's sheetData, whose items are its rows
        self.readable = True
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.StartDoctypeDeclHandler = self._doctype

    def feed(self, data: bytes, *, final: bool = False) -> None:
        if not self.readable:
            return
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError:
            # Not XML (an image) or broken XML: the real parser fails at the same place,
            # having built no more than was counted up to here.
            self.readable = False

    def _start(self, name: str, attributes: Any) -> None:
        limits = self.budget.limits
        self.depth += 1
        self.elements += 1
        self.budget.elements += 1
        if self.budget.elements > limits.total:
            raise self.budget.refuse_total()
        if self.whole and self.elements > limits.whole_part:
            raise ValidationError(
                _(
                    "The layout or structure of the file holds more than %(count)s elements; "
                    "Koers does not read that much. Save the sheet as CSV and import that."
                )
                % {"count": _count(limits.whole_part)},
                code="xml_part",
            )
        if limits.item is None:
            return
        if self.depth == 2:
            self.in_rows = name.rpartition(":")[2] == "sheetData"
        item_depth = 3 if self.in_rows else 2
        if self.depth == item_depth:
            self.item_start = self.elements
        elif self.depth > item_depth and self.elements - self.item_start >= limits.item:
            raise ValidationError(
                _(
                    "One row or other element of the file holds more than %(count)s "
                    "elements, which no real spreadsheet does. Save the file again from the "
                    "program that made it, or as CSV."
                )
                % {"count": _count(limits.item)},
                code="xml_item",
            )

    def _end(self, name: str) -> None:
        if self.depth == 2:
            self.in_rows = False
        self.depth -= 1

    def _doctype(self, *args: Any) -> None:
        raise ValidationError(
            _(
                "The file declares its own XML definitions (a DOCTYPE), which Excel and Word "
                "never do; Koers does not open it."
            ),
            code="xml_doctype",
        )


class CountedPart:
    """A part of the archive as a stream that feeds what is read to its counter first."""

    def __init__(self, stream: IO[bytes], budget: XmlBudget) -> None:
        self.stream = stream
        self.budget = budget
        self.counter: PartCounter | None = None

    def read(self, size: int | None = -1) -> bytes:
        whole = size is None or size < 0
        data = self.stream.read() if size is None or size < 0 else self.stream.read(size)
        if self.counter is None:
            self.counter = self.budget.counter(whole=whole)
        self.counter.feed(data, final=whole or not data)
        return data

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> CountedPart:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CountingArchive(zipfile.ZipFile):
    """A zip archive whose members, opened for reading, count their XML as it is read."""

    def __init__(self, file: Path | IO[bytes], budget: XmlBudget) -> None:
        super().__init__(file)
        self.budget = budget

    def open(self, name: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = super().open(name, mode, *args, **kwargs)
        return CountedPart(stream, self.budget) if mode == "r" else stream


def open_workbook(path: Path) -> Any:
    """The workbook at `path` as openpyxl reads it for an import (read-only, the values of
    formulas), with every part it reads counted against `WORKBOOK`: a ValidationError for
    the user is raised as soon as one passes, while it is being read."""
    from openpyxl.reader.excel import ExcelReader

    # This is openpyxl's load_workbook, except that the archive the reader opened is
    # replaced by the counting one before it reads anything.
    reader = ExcelReader(path, read_only=True, data_only=True, keep_links=False)
    reader.archive.close()
    reader.archive = CountingArchive(path, XmlBudget(WORKBOOK))
    reader.valid_files = reader.archive.namelist()
    try:
        reader.read()
    except BaseException:
        reader.archive.close()  # the workbook that would close it is not handed out
        raise
    return reader.wb


def check_word_document(file: IO[bytes]) -> None:
    """Raise a ValidationError for the user unless every XML part of the Word document
    `file` together stays within `WORD_DOCUMENT`; `file` is left at the start."""
    budget = XmlBudget(WORD_DOCUMENT, word=True)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            for member in archive.infolist():
                counter = budget.counter(whole=True)
                with archive.open(member) as stream:
                    while chunk := stream.read(64 * 1024):
                        counter.feed(chunk)
                counter.feed(b"", final=True)
    finally:
        file.seek(0)
