"""Uploads: documents and spreadsheets only, checked by content as well as by name,
within a size limit; Office and OpenDocument files (zip archives) also by what they
unpack to (`koers.core.archives`), and a Word template by what python-docx would parse
(`koers.core.office_xml`). Every form field that takes a file has one of the validators
below (a test walks the forms)."""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from koers.core.archives import PARSED, STORED, ArchiveLimits, check_zip

# Office Open XML and OpenDocument files are zip archives; the member that proves the
# type is checked so a renamed archive of something else is refused.
_ZIP_MARKERS = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".pptx": "ppt/presentation.xml",
    ".odt": "content.xml",
    ".ods": "content.xml",
    ".odp": "content.xml",
}
_MAGIC = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
ALLOWED_EXTENSIONS = tuple(sorted([*_ZIP_MARKERS, *_MAGIC]))
SPREADSHEET_EXTENSIONS = (".csv", ".xlsx")


def validate_document(upload: UploadedFile) -> None:
    """Raise a ValidationError for the user unless `upload` is an allowed document (kept
    and downloaded, never parsed)."""
    _validate(upload, ALLOWED_EXTENSIONS, STORED)


def validate_spreadsheet(upload: UploadedFile) -> None:
    """Raise a ValidationError for the user unless `upload` is a CSV or Excel file that
    an import may read (`koers.core.tables.read_table` checks what it holds as it reads)."""
    _validate(upload, SPREADSHEET_EXTENSIONS, PARSED)


def validate_word_template(upload: UploadedFile) -> None:
    """Raise a ValidationError for the user unless `upload` is a Word document that
    python-docx may parse: within the limits of a parsed archive and of its XML."""
    from koers.core.office_xml import check_word_document

    _validate(upload, (".docx",), PARSED)
    check_word_document(upload)


def _validate(upload: UploadedFile, extensions: tuple[str, ...], limits: ArchiveLimits) -> None:
    name = upload.name or ""
    extension = PurePath(name).suffix.lower()
    allowed = ", ".join(ext.lstrip(".") for ext in extensions)
    if extension not in extensions:
        raise ValidationError(
            _("This file type is not allowed. Allowed types: %(allowed)s.") % {"allowed": allowed},
            code="file_type",
        )
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_UPLOAD_MB},
            code="file_size",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    upload.seek(0)
    try:
        ok = _content_matches(upload, extension, limits)
    finally:
        upload.seek(0)
    if not ok:
        raise ValidationError(
            _("The file's content does not match its type (%(ext)s).") % {"ext": extension},
            code="file_content",
        )


def _content_matches(upload: UploadedFile, extension: str, limits: ArchiveLimits) -> bool:
    """Whether the content is of the type its name says; an archive that is, but unpacks
    beyond `limits`, raises its ValidationError."""
    if extension == ".csv":
        return b"\x00" not in upload.read(64 * 1024)  # text, not a renamed binary
    if extension in _MAGIC:
        head = upload.read(16)
        return any(head.startswith(magic) for magic in _MAGIC[extension])
    try:
        archive = zipfile.ZipFile(upload)
    except zipfile.BadZipFile:
        return False
    with archive:
        if _ZIP_MARKERS[extension] not in archive.namelist():
            return False
        check_zip(archive, limits)
    return True
