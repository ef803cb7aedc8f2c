"""Uploads: documents and spreadsheets only, checked by content as well as by name,
within a size limit."""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

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
    """Raise a ValidationError for the user unless `upload` is an allowed document."""
    _validate(upload, ALLOWED_EXTENSIONS)


def validate_spreadsheet(upload: UploadedFile) -> None:
    """Raise a ValidationError for the user unless `upload` is a CSV or Excel file."""
    _validate(upload, SPREADSHEET_EXTENSIONS)


def _validate(upload: UploadedFile, extensions: tuple[str, ...]) -> None:
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
    if extension == ".csv":
        ok = b"\x00" not in upload.read(64 * 1024)  # text, not a renamed binary
    elif extension in _MAGIC:
        head = upload.read(16)
        ok = any(head.startswith(magic) for magic in _MAGIC[extension])
    else:
        try:
            with zipfile.ZipFile(upload) as archive:
                ok = _ZIP_MARKERS[extension] in archive.namelist()
        except zipfile.BadZipFile:
            ok = False
    upload.seek(0)
    if not ok:
        raise ValidationError(
            _("The file's content does not match its type (%(ext)s).") % {"ext": extension},
            code="file_content",
        )
