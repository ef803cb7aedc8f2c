"""An activity's products: registered by one person, reviewed by another."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.plans.models import Activity


@transaction.atomic
def product_register(
    *,
    actor: Any,
    activity: Activity,
    title: str,
    kind: str,
    document: Any = None,
    link: str = "",
    remote_addr: str | None = None,
) -> Any:
    """Register an outgoing product of an activity; it awaits a second person's review."""
    from koers.plans.access import require
    from koers.work.models import Product

    require(actor, Capability.RECORD_REALISATION, activity.programme)
    if not document and not link:
        raise ValidationError(_("Attach the document or give a link to it."))
    product = Product(activity=activity, title=title, kind=kind, link=link, registered_by=actor)
    if document:
        product.document = document
    product.full_clean()
    product.save()
    audit_write(
        actor=actor,
        action="product.registered",
        instance=product,
        context=f"plans.activity:{activity.pk}",
        after=snapshot(product, ["title", "kind", "document", "link"]),
        remote_addr=remote_addr,
    )
    return product


@transaction.atomic
def product_review(
    *, actor: Any, product: Any, approve: bool, remark: str = "", remote_addr: str | None = None
) -> Any:
    """A second person approves the product or sends it back with a remark."""
    from koers.plans.access import require
    from koers.work.models import Product, ProductStatus

    product = (
        Product.objects.select_for_update().select_related("activity__programme").get(pk=product.pk)
    )
    require(actor, Capability.RECORD_REALISATION, product.activity.programme)
    if actor.pk == product.registered_by_id:
        raise ValidationError(_("A product is reviewed by someone other than who registered it."))
    if product.status != ProductStatus.IN_REVIEW:
        raise ValidationError(_("This product has already been reviewed."))
    if not approve and not remark.strip():
        raise ValidationError({"remark": _("Say what needs to change.")})
    before = snapshot(product, ["status", "remark"])
    product.status = ProductStatus.APPROVED if approve else ProductStatus.REJECTED
    product.reviewed_by = actor
    product.reviewed_at = timezone.now()
    product.remark = remark.strip()
    product.save()
    audit_write(
        actor=actor,
        action="product.approved" if approve else "product.sent_back",
        instance=product,
        context=f"plans.activity:{product.activity_id}",
        before=before,
        after=snapshot(product, ["status", "remark"]),
        remote_addr=remote_addr,
    )
    return product
