"""Writes made in the admin enter the same audit trail as writes made in the app."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.http import client_address


def _concrete_fields(instance: models.Model, names: list[str]) -> list[str]:
    concrete = {f.name for f in instance._meta.concrete_fields}
    return [name for name in names if name in concrete]


class AuditedModelAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        fields = _concrete_fields(obj, list(form.fields))
        before = None
        if change:
            before = snapshot(type(obj)._default_manager.get(pk=obj.pk), fields)
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_write(
                actor=request.user,
                action="admin.change" if change else "admin.add",
                instance=obj,
                before=before,
                after=snapshot(obj, fields),
                remote_addr=client_address(request),
            )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            for obj in formset.new_objects:
                self._audit(request, "admin.add", obj)
            for obj, changed in formset.changed_objects:
                self._audit(request, "admin.change", obj, changed)
            for obj in formset.deleted_objects:
                self._audit(request, "admin.delete", obj)

    @staticmethod
    def _audit(request: HttpRequest, action: str, obj: Any, fields: Any = None) -> None:
        names = list(fields) if fields else [f.name for f in obj._meta.concrete_fields]
        values = snapshot(obj, _concrete_fields(obj, names))
        audit_write(
            actor=request.user,
            action=action,
            instance=obj,
            before=values if action == "admin.delete" else None,
            after=None if action == "admin.delete" else values,
            remote_addr=client_address(request),
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            self._audit(request, "admin.delete", obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            for obj in queryset:
                self._audit(request, "admin.delete", obj)
            super().delete_queryset(request, queryset)


class ReadOnlyPermissions:
    """The admin shows these records but does not add, change or delete them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyModelAdmin(ReadOnlyPermissions, admin.ModelAdmin):
    """For records whose every change must go through the app's services (frozen plans,
    version checks), and for the audit trail itself. Its pages say so, with a link to where
    Koers changes the record when the ModelAdmin gives one (`koers_url`)."""

    def koers_url(self, object_id: str | None = None) -> str | None:
        """Koers's page that changes this record (or, without one, these records)."""
        return None

    def _say_where_to_change(self, request: HttpRequest, url: str | None) -> None:
        if url is None:
            messages.info(request, _("Read-only here: change this in Koers itself."))
        else:
            messages.info(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("Change this in Koers itself:"),
                    url,
                    _("open in Koers"),
                ),
            )

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> Any:
        self._say_where_to_change(request, self.koers_url())
        return super().changelist_view(request, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        response = super().change_view(request, object_id, form_url, extra_context)
        # Only on the page shown: a refused or unknown record gets no message.
        if response.status_code == 200:
            self._say_where_to_change(request, self.koers_url(object_id))
        return response


class ReadOnlyInline(ReadOnlyPermissions, admin.TabularInline):
    pass


class ServiceSavedModelAdmin(AuditedModelAdmin):
    """For models whose app has services: the admin's saves go through the service (see
    `save_through_service`), so its checks, its audit entry and the version bump happen as
    they do in the app, and an app form opened before the admin's change answers with a
    conflict instead of overwriting it. Inlines and deletions stay audited admin writes.

    A refusal by the service (a ValidationError, or one of `conflicts`: a stale version) rolls
    the whole save back, inlines included, and is shown as a message on the page again."""

    conflicts: tuple[type[Exception], ...] = ()

    def save_through_service(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> Any:
        """Save `obj` (the form's instance) through the app's service; return the saved
        record."""
        raise NotImplementedError

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        saved = self.save_through_service(request, obj, form, change)
        # The admin goes on with the form's instance (many-to-many fields, inlines, the
        # message and the redirect): it becomes the saved record.
        obj.pk = saved.pk
        obj._state.adding = False
        obj._state.db = saved._state.db
        if hasattr(saved, "version"):
            obj.version = saved.version

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: Any = None,
    ) -> Any:
        refused: tuple[type[Exception], ...] = (ValidationError, *self.conflicts)
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except refused as refusal:
            messages.error(request, self.refusal_message(refusal))
            return HttpResponseRedirect(request.get_full_path())

    def refusal_message(self, refusal: Exception) -> str:
        if isinstance(refusal, ValidationError):
            return _("Nothing was saved: %(reasons)s") % {"reasons": " ".join(refusal.messages)}
        return _(
            "Someone else saved this record after you opened it; nothing was saved. "
            "Below is what it holds now."
        )
