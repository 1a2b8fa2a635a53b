"""JSON over HTTP with a bearer token, timeouts, and retries with back-off (standard library only)."""
import json
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Optional, Tuple

from ._version import __version__
from .errors import ServiceUnreachable, error_for

#: statuses answered while the service (or a proxy in front of it) is briefly away: retried like a refused connection
RETRY_STATUSES = (502, 503, 504)

DEFAULT_URL = "http://localhost:8080"


def default_url(url: Optional[str] = None) -> str:
    """``url``, else ``$HPO_URL``, else ``$HPO_API_URL``, else http://localhost:8080."""
    return (url or os.environ.get("HPO_URL") or os.environ.get("HPO_API_URL") or DEFAULT_URL).rstrip("/")


def default_token(token: Optional[str] = None) -> Optional[str]:
    """``token``, else ``$HPO_TOKEN`` (None when neither is set)."""
    return token if token else (os.environ.get("HPO_TOKEN") or None)


class Transport:
    """Sends JSON requests to ``<url>/api/v1``.

    Args:
        url: the service's base URL (see :func:`default_url`).
        token: the API token, sent as ``Authorization: Bearer <token>`` (see :func:`default_token`).
        timeout: seconds one request may take (long polls add their own wait to it).
        retry_seconds: how long to keep retrying a request that found no service (connection refused or reset,
            a time-out, 502/503/504) before raising :class:`ServiceUnreachable`; 0 to never retry.
        backoff: the first pause between retries; it doubles up to ``max_backoff``.
        log: where retry notices go (a file-like object, None for silence).
    """

    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 30.0,
                 retry_seconds: float = 60.0, backoff: float = 0.25, max_backoff: float = 5.0,
                 log: Any = sys.stderr) -> None:
        self.url = default_url(url)
        self.token = default_token(token)
        self.timeout = timeout
        self.retry_seconds = retry_seconds
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.log = log
        #: how many times a request was retried so far (a caller can tell that the service was away)
        self.retried = 0
        #: set it to end every retry wait at once with ServiceUnreachable (e.g. on shutdown)
        self.cancel = threading.Event()

    def request(self, method: str, path: str, body: Any = None, query: Optional[Dict[str, Any]] = None,
                timeout: Optional[float] = None, retry_seconds: Optional[float] = None) -> Tuple[int, Any]:
        """Sends one request; returns ``(status, parsed JSON body or None)`` for a 2xx answer.

        Raises:
            ApiError: (a subclass per status) for any other answer, with the problem detail.
            ServiceUnreachable: when no answer came within the retry window.
        """
        url = self.url + "/api/v1" + path
        if query:
            pairs = [(k, _query_value(v)) for k, v in query.items() if v is not None]
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        window = self.retry_seconds if retry_seconds is None else retry_seconds
        deadline = time.monotonic() + window
        delay = self.backoff
        while True:
            try:
                return self._once(method, url, body, timeout if timeout is not None else self.timeout)
            except _Retryable as e:
                if self.cancel.is_set() or time.monotonic() + delay > deadline:
                    raise ServiceUnreachable("%s %s: %s (gave up after %.0f s)" % (method, url, e.reason, window))
                if self.log is not None:
                    print("hpo-client: %s %s: %s; retrying in %.1f s" % (method, url, e.reason, delay),
                          file=self.log, flush=True)
                self.retried += 1
                if self.cancel.wait(delay):
                    raise ServiceUnreachable("%s %s: cancelled while the service was away" % (method, url))
                delay = min(delay * 2, self.max_backoff)

    def _once(self, method: str, url: str, body: Any, timeout: float) -> Tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"Accept": "application/json, application/problem+json, text/plain;q=0.5",
                   "User-Agent": "hpo-client/%s" % __version__}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read()
                if response.headers.get_content_type().endswith("json"):
                    return response.status, _parse(raw)
                return response.status, (raw.decode("utf-8", "replace") if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read()
            if e.code in RETRY_STATUSES:
                raise _Retryable("HTTP %d" % e.code)
            raise error_for(e.code, _parse_problem(raw), method, url) from None
        except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError) as e:
            reason = getattr(e, "reason", e)
            raise _Retryable(str(reason))
        except OSError as e:  # e.g. a connection reset while reading the body
            raise _Retryable(str(e))


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parse(raw: bytes) -> Any:
    if not raw:
        return None
    return json.loads(raw.decode("utf-8"))


def _parse_problem(raw: bytes) -> Optional[Dict[str, Any]]:
    try:
        parsed = _parse(raw)
    except ValueError:
        return {"detail": raw.decode("utf-8", "replace")[:1000]} if raw else None
    return parsed if isinstance(parsed, dict) else None
