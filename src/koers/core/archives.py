"""The zip check every uploaded Office or OpenDocument file passes before anything opens it.

Word, Excel, PowerPoint and OpenDocument files are zip archives. A small archive can
unpack to far more than it holds (a "zip bomb": 510 KB of Excel that unpacks to 200 MiB
held a worker for 112 s at 1.3 GB before this check). So before a parser sees an upload,
`check_archive` counts its members, adds up the sizes they declare, compares each
member's declared size with its packed size, and then unpacks every member once, in
chunks, counting what really comes out and stopping at the limit: the declared sizes are
not trusted, and a member that is damaged (its checksum does not match) is refused here
with a message instead of failing halfway through a parser.

Python's zipfile never returns more than a member declares, so a parser reading through
it is not handed more either; but a member may declare less than it holds, so this check
unpacks a copy of each member that declares as much as the member may hold, and refuses
one that gives more than it declared.
"""

from __future__ import annotations

import copy
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

MB = 1024 * 1024

# A real Office file has tens of members: a Word letter about 15, an Excel workbook 10 plus
# 2 per sheet, a PowerPoint presentation 2 per slide plus its images. A thousand leaves
# room for a deck of several hundred slides; more is a file made to tire the reader.
MAX_MEMBERS = 1000
# Office XML packs 5 to 20 times (an Excel sheet of 20,000 hour rows written by Excel or
# openpyxl: 11 to 17 times); images and media hardly pack at all. A member that unpacks to
# more than 100 times its packed size is made to do so (Apache POI refuses the same ratio).
MAX_RATIO = 100
# Members below this size are not held to the ratio: a small, very regular part (an empty
# sheet, a list of styles) may pack better than 100 times and cannot hurt on its own; the
# total limit still counts it.
RATIO_GRACE = 1 * MB
CHUNK = 64 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    """What an archive may unpack to, in all (`max_unpacked`, bytes) and per member."""

    max_unpacked: int
    max_members: int = MAX_MEMBERS
    max_ratio: int = MAX_RATIO


# Spreadsheets for an import and Word templates are parsed by the server. The largest
# imports unpack to about 16 MB (5,000 directory rows of 40 columns) and 8 MB (20,000 hour
# rows); a quote template with its letterhead to a few MB. 50 MB is three times the largest.
PARSED = ArchiveLimits(max_unpacked=50 * MB)
# Documents kept as evidence are stored and downloaded, never parsed: a presentation of
# 10 MB (the upload limit) with its images unpacks to a little more than that; 100 MB is
# ten times the upload limit, a thousand pages of text. Unpacking them here is all the
# server does with them, in chunks.
STORED = ArchiveLimits(max_unpacked=100 * MB)


def check_archive(file: IO[bytes], limits: ArchiveLimits) -> None:
    """Raise a ValidationError for the user unless `file` is a zip archive that unpacks
    within `limits`; `file` is read from the start and left at the start."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            check_zip(archive, limits)
    except zipfile.BadZipFile as error:
        raise _damaged() from error
    finally:
        file.seek(0)


def check_zip(archive: zipfile.ZipFile, limits: ArchiveLimits) -> None:
    """`check_archive` for an archive that is open already."""
    try:
        members = archive.infolist()
        _check_declared(members, limits)
        budget = limits.max_unpacked
        for member in members:
            budget -= _unpacked_size(archive, member, limits, budget)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as e:
        # A broken archive, an unknown compression or an encrypted member (RuntimeError).
        raise _damaged() from e


def _check_declared(members: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    if len(members) > limits.max_members:
        raise ValidationError(
            _(
                "The file consists of more than %(count)s parts; Koers does not open such a "
                "file. Save it again with fewer sheets, pages or images, or split it."
            )
            % {"count": number_format(limits.max_members, force_grouping=True)},
            code="archive_members",
        )
    if sum(member.file_size for member in members) > limits.max_unpacked:
        raise _too_large(limits)
    for member in members:
        if member.file_size > _most_for(member, limits):
            raise _packed_too_tightly(limits)


def _most_for(member: zipfile.ZipInfo, limits: ArchiveLimits) -> int:
    """The most `member` may unpack to by its packed size."""
    return max(RATIO_GRACE, member.compress_size * limits.max_ratio)


def _unpacked_size(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ArchiveLimits, budget: int
) -> int:
    """What `member` really unpacks to, counted in chunks; refused as soon as it passes
    what it may unpack to (by its ratio, and the archive's remaining `budget`).

    Its declared size passed both limits already (`_check_declared`), so a member that
    unpacks to more lies about its size."""
    most = min(_most_for(member, limits), budget)
    # zipfile stops reading a member at its declared size and only then compares the
    # checksum: reading a copy that declares a few chunks more than allowed shows how much
    # a member that lies really holds, before any checksum is compared.
    honest = copy.copy(member)
    honest.file_size = most + 4 * CHUNK
    unpacked = 0
    with archive.open(honest) as stream:
        while chunk := stream.read(CHUNK):
            unpacked += len(chunk)
            if unpacked > most:
                raise _lies_about_sizes()
    if unpacked > member.file_size:
        raise _lies_about_sizes()
    if unpacked < member.file_size:
        raise _damaged()
    return unpacked


def _damaged() -> ValidationError:
    return ValidationError(
        _("The file is damaged or incomplete; save it again and upload it once more."),
        code="archive_damaged",
    )


def _lies_about_sizes() -> ValidationError:
    return ValidationError(
        _(
            "The file states smaller sizes for its parts than they unpack to; Koers does not "
            "open it. Save the file again from the program that made it."
        ),
        code="archive_sizes",
    )


def _too_large(limits: ArchiveLimits) -> ValidationError:
    return ValidationError(
        _(
            "The file unpacks to more than %(limit)s MB; Koers does not take more. Split the "
            "file, or save it without the sheets or images you do not need."
        )
        % {"limit": limits.max_unpacked // MB},
        code="archive_unpacked",
    )


def _packed_too_tightly(limits: ArchiveLimits) -> ValidationError:
    return ValidationError(
        _(
            "A part of the file unpacks to more than %(ratio)s times its packed size, as a "
            "zip bomb does; Koers does not open it. Save the file again from the program "
            "that made it."
        )
        % {"ratio": limits.max_ratio},
        code="archive_ratio",
    )
