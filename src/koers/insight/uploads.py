"""A statistics table uploaded on a page: a StatLine CSV export, or the folder cbsodata
writes, zipped. Checked before it is kept: a CSV as every spreadsheet upload is, a ZIP by what
it unpacks to (`koers.core.archives`: size, members, ratio) and by holding TableInfos.json.
Only the JSON files of the download are unpacked, each by its own name, into a folder of
their own: a member's path inside the archive is never followed."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from koers.core.archives import MB, ArchiveLimits, check_archive
from koers.core.uploads import validate_spreadsheet

# A download of 100,000 rows is about 40 MB of JSON; four times that, in at most 200 files
# (a table has a file per dimension).
DOWNLOAD = ArchiveLimits(max_unpacked=160 * MB, max_members=200)
MARKER = "TableInfos.json"
STATLINE_EXTENSIONS = (".csv", ".zip")


def validate_statline_upload(upload: UploadedFile) -> None:
    extension = PurePath(upload.name or "").suffix.lower()
    if extension == ".csv":
        validate_spreadsheet(upload)
        return
    if extension != ".zip":
        raise ValidationError(
            _("Upload a StatLine CSV export, or the folder cbsodata writes as a ZIP file."),
            code="file_type",
        )
    limit = settings.MAX_UPLOAD_MB * MB
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_UPLOAD_MB},
            code="file_size",
        )
    check_archive(upload, DOWNLOAD)  # not an archive, or one that unpacks too far: refused
    try:
        with zipfile.ZipFile(upload) as archive:
            names = {PurePath(name).name for name in archive.namelist()}
    finally:
        upload.seek(0)
    if MARKER not in names:
        raise ValidationError(
            _("The ZIP file holds no TableInfos.json: it is not a StatLine download."),
            code="file_content",
        )


def unpack(archive_path: Path, folder: Path) -> Path:
    """The download's JSON files from the kept ZIP into `folder`, flat; returns `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive_path) as archive:
        for member in archive.infolist():
            name = PurePath(member.filename).name
            if member.is_dir() or not name.endswith(".json") or name.startswith("."):
                continue
            with archive.open(member) as source, (folder / name).open("wb") as target:
                shutil.copyfileobj(source, target)
    return folder
