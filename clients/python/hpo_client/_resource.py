"""What every object the service answers with has in common (see :mod:`hpo_client.study`, :mod:`hpo_client.experiment`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict

if TYPE_CHECKING:  # pragma: no cover
    from .client import Client


class Resource:
    """An object of the service: the client it came through and its fields (``data``) as of the last answer."""

    def __init__(self, client: Client, data: Dict[str, Any]) -> None:
        self.client = client
        self.data = data

    @property
    def id(self) -> str:
        """Its id."""
        return self.data["id"]

    @property
    def name(self) -> str:
        """Its name."""
        return self.data.get("name", "")
