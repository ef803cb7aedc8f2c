"""Documents made by the task worker: long reports, and the documents of a snapshot."""

from __future__ import annotations

import hashlib
import logging
import time

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django_tasks import task

from koers.reports import content as contents
from koers.reports import documents
from koers.reports.models import JobStatus, ReportDocument

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5  # seconds between progress writes: the page polls, the database rests


@task()
def make_document(document_id: int) -> None:
    document = ReportDocument.objects.select_related("report", "snapshot").get(pk=document_id)
    if document.status == JobStatus.DONE:
        return
    ReportDocument.objects.filter(pk=document_id).update(status=JobStatus.RUNNING, progress=1)
    last = [time.monotonic()]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            share = max(1, min(99, round(100 * done / max(total, 1))))
            ReportDocument.objects.filter(pk=document_id).update(progress=share)

    try:
        snapshot = document.snapshot
        with translation.override(document.language or None):
            content = snapshot.content if snapshot else contents.build(document.report)
        data = documents.render(content, document.format, progress)
    except Exception as error:  # the page says it failed; the log says why
        log.exception("Report document %s failed", document_id)
        ReportDocument.objects.filter(pk=document_id).update(
            status=JobStatus.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )
        return
    name = documents.filename(content, document.format, sent=document.snapshot_id is not None)
    document.file.save(name, ContentFile(data), save=False)
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.status, document.progress, document.finished_at = JobStatus.DONE, 100, timezone.now()
    document.save(update_fields=["file", "sha256", "status", "progress", "finished_at"])
