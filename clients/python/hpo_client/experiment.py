"""Experiments and base experiments as small objects (see :class:`hpo_client.client.Client`)."""
from __future__ import annotations

import datetime as _dt
import itertools
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ._resource import Resource

if TYPE_CHECKING:  # pragma: no cover
    from .client import Client
    from .study import Study


def parse_time(text: Optional[str]) -> Optional[_dt.datetime]:
    """An ISO-8601 time from the service (``...Z``) as an aware datetime; None stays None."""
    if not text:
        return None
    value = text.replace("Z", "+00:00")
    # Python 3.9's fromisoformat takes at most 6 fraction digits
    if "." in value:
        head, rest = value.split(".", 1)
        digits = "".join(itertools.takewhile(str.isdigit, rest))
        zone = rest[len(digits):]
        value = head + "." + (digits + "000000")[:6] + zone
    return _dt.datetime.fromisoformat(value)


class BaseExperiment(Resource):
    """A base experiment (the template of a study's experiments)."""

    @property
    def parameters(self) -> Dict[str, Any]:
        """Its default parameters."""
        return dict(self.data.get("parameters") or {})

    @property
    def command(self) -> Optional[List[str]]:
        """The command the process backend runs, if any."""
        return self.data.get("command")

    def __repr__(self) -> str:
        return "BaseExperiment(%s, %r)" % (self.id, self.name)


class Experiment(Resource):
    """An experiment (one trial). ``data`` holds the fields of the answer it came from; :meth:`refresh` loads all
    of them (metric summaries and scalars too)."""

    def __init__(self, client: Client, data: Dict[str, Any], study: Optional[Study] = None,
                 full: bool = False) -> None:
        super().__init__(client, data)
        self.study = study
        self._full = full

    task_id = Resource.id

    @property
    def number(self) -> Optional[int]:
        """Its number in the study (0 first)."""
        return self.data.get("number")

    @property
    def status(self) -> str:
        """``QUEUED``, ``RUNNING``, ``COMPLETED``, ``FAILED`` or ``ABORTED``."""
        return self.data.get("status", "")

    @property
    def stop_reason(self) -> Optional[str]:
        """Why it ended, when it did not complete (``pruned``, ``worker_lost``, ``stopped_by_user``...)."""
        return self.data.get("stopReason")

    @property
    def parameters(self) -> Dict[str, Any]:
        """Its parameter values."""
        return dict(self.data.get("parameters") or {})

    @property
    def objective_values(self) -> Optional[List[float]]:
        """Its value for each of the study's objectives (ranked answers and study lists carry them)."""
        return self.data.get("objectiveValues")

    @property
    def iteration(self) -> Optional[int]:
        """The iteration its objective value was reported at (ranked answers carry it)."""
        return self.data.get("iteration")

    @property
    def failure_message(self) -> Optional[str]:
        """Why it failed."""
        return self._field("failureMessage")

    @property
    def metrics(self) -> List[Dict[str, Any]]:
        """Its metric summaries ``[{title, series, lastValue, lastIteration, minValue, maxValue, count}]``."""
        return list(self._field("metrics") or [])

    @property
    def scalars(self) -> List[Dict[str, Any]]:
        """Every reported point ``[{title, series, iteration, value, reportedAt}]``."""
        return list(self._field("scalars") or [])

    def metric(self, title: str, series: str) -> Optional[Dict[str, Any]]:
        """The summary of one metric, or None when it was never reported."""
        for summary in self.metrics:
            if summary.get("title") == title and summary.get("series") == series:
                return summary
        return None

    def refresh(self) -> "Experiment":
        """Reloads every field from ``GET /experiments/{id}``; returns itself."""
        self.data = dict(self.data, **self.client.request("GET", "/experiments/%s" % self.id))
        self._full = True
        return self

    def abort(self) -> "Experiment":
        """Stops it (ABORTED / ``stopped_by_user``); its worker is told ``stop``."""
        self.data = dict(self.data, **self.client.request("POST", "/experiments/%s/abort" % self.id))
        return self

    def output(self) -> str:
        """What its process printed (process backend), as text."""
        answer = self.client.request("GET", "/experiments/%s/output" % self.id)
        return "" if answer is None else str(answer)

    # ClearML Task look-alikes
    def get_parameters(self) -> Dict[str, Any]:
        """ClearML's ``Task.get_parameters()``: the parameter values by ``Section/name``."""
        return self.parameters

    def get_last_scalar_metrics(self) -> Dict[str, Dict[str, Dict[str, float]]]:
        """ClearML's ``Task.get_last_scalar_metrics()``: ``{title: {series: {last, min, max}}}``."""
        out: Dict[str, Dict[str, Dict[str, float]]] = {}
        for summary in self.metrics:
            out.setdefault(summary["title"], {})[summary["series"]] = {
                "last": summary.get("lastValue"), "min": summary.get("minValue"), "max": summary.get("maxValue")}
        return out

    def get_status(self) -> str:
        """ClearML's ``Task.get_status()``, in the service's words (``COMPLETED``, ...)."""
        return self.refresh().status

    def _field(self, name: str) -> Any:
        if name not in self.data and not self._full:
            self.refresh()
        return self.data.get(name)

    def __repr__(self) -> str:
        return "Experiment(%s, %s, %r)" % (self.id, self.status, self.parameters)
