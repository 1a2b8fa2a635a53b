"""Exceptions raised by the client.

Every answer of the service outside 2xx becomes an :class:`ApiError` (or one of its subclasses, one per status)
carrying the RFC 9457 problem detail the service sent; a service that cannot be reached within the retry window
becomes :class:`ServiceUnreachable`.
"""
from typing import Any, Dict, List, Optional


class HpoError(Exception):
    """Base class of every error this package raises."""


class ServiceUnreachable(HpoError, ConnectionError):
    """The service did not answer (connection refused, reset, timed out, or 503) for the whole retry window."""


class ApiError(HpoError):
    """The service answered with an error status.

    Attributes:
        status: the HTTP status code.
        problem: the RFC 9457 problem detail as a dict (empty when the body was not JSON).
        title, detail, type: the problem's fields, when present.
        errors: the ``errors`` list of a 400 or 422 (``[{"field", "message"}]``), else empty.
        current_status: the ``currentStatus`` of a 409, else None.
        method, url: the request that failed.
    """

    def __init__(self, status: int, problem: Optional[Dict[str, Any]], method: str = "", url: str = "") -> None:
        self.status = status
        self.problem: Dict[str, Any] = problem if isinstance(problem, dict) else {}
        self.title: Optional[str] = self.problem.get("title")
        self.detail: Optional[str] = self.problem.get("detail")
        self.type: Optional[str] = self.problem.get("type")
        raw_errors = self.problem.get("errors")
        self.errors: List[Dict[str, Any]] = raw_errors if isinstance(raw_errors, list) else []
        self.current_status: Optional[str] = self.problem.get("currentStatus")
        self.method = method
        self.url = url
        super().__init__(self._message())

    def _message(self) -> str:
        text = "%s %s: HTTP %d" % (self.method, self.url, self.status)
        if self.title:
            text += " %s" % self.title
        if self.detail:
            text += ": %s" % self.detail
        if self.errors:
            parts = []
            for e in self.errors:
                field, message = str(e.get("field")), str(e.get("message"))
                parts.append(message if message.startswith(field) else "%s: %s" % (field, message))
            text += " (%s)" % "; ".join(parts)
        return text

    @property
    def fields(self) -> List[str]:
        """The field names the problem's ``errors`` list names."""
        return [str(e.get("field")) for e in self.errors]


class BadRequest(ApiError):
    """400: malformed input; :attr:`errors` names each field."""


class Unauthorized(ApiError):
    """401: no token, or one the service does not know."""


class Forbidden(ApiError):
    """403: the token's role may not do this."""


class NotFound(ApiError):
    """404: the id names nothing."""


class Conflict(ApiError):
    """409: an illegal transition or a late worker call; :attr:`current_status` says where the entity is."""


class PayloadTooLarge(ApiError):
    """413: the request body is past the service's size limit."""


class Unprocessable(ApiError):
    """422: well-formed input the service cannot use (a search space, a strategy setting, a disabled backend...)."""


class ServerError(ApiError):
    """5xx other than a 503 that outlived the retries."""


_BY_STATUS = {400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 409: Conflict,
              413: PayloadTooLarge, 415: BadRequest, 422: Unprocessable}


def error_for(status: int, problem: Optional[Dict[str, Any]], method: str, url: str) -> ApiError:
    """The exception for an error answer: the subclass for its status, :class:`ServerError` for 5xx."""
    kind = _BY_STATUS.get(status)
    if kind is None:
        kind = ServerError if status >= 500 else ApiError
    return kind(status, problem, method, url)
