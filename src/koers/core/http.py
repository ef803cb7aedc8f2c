"""The client's address, read the same way everywhere (audit, access log, rate limits).

Behind reverse proxies (``KOERS_PROXY_COUNT`` > 0) ``REMOTE_ADDR`` is the nearest proxy's
address, so the client's own address is taken from ``X-Forwarded-For``. Each trusted
proxy appends the address it saw to that header, so with N proxies the client is the
N-th entry from the right; entries further left were written by the client itself and are
not trusted. Without proxies the header is ignored: anyone can send it.

python-ipware (through django-ipware, as django-axes uses it) does the parsing. Its
``proxy_count`` counts the proxies *inside* the header (the last proxy only shows in
``REMOTE_ADDR``), hence ``PROXY_COUNT - 1``; non-strict so that a client that sends its
own header still gets its real address, not the proxy's.

django-axes is pointed at this helper (``AXES_CLIENT_IP_CALLABLE``), so the sign-in
throttle, the audit trail and the password-reset limit all see the same address. This is
the only module that reads ``REMOTE_ADDR`` (a test in tests/core holds it to that).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ipware.ip import get_client_ip

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
PEER_ADDRESS = "REMOTE_ADDR"


def client_address(request: HttpRequest) -> str | None:
    """The address of the client that sent ``request``, or None if it cannot be told."""
    proxies = settings.PROXY_COUNT
    if not proxies:
        return request.META.get(PEER_ADDRESS) or None
    address, _routable = get_client_ip(
        request,
        proxy_count=proxies - 1,
        request_header_order=(FORWARDED_FOR, PEER_ADDRESS),
        strict=False,
    )
    return address or None
