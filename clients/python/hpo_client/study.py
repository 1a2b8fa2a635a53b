"""A study as a small object (see :class:`hpo_client.client.Client`)."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ._resource import Resource
from .experiment import Experiment

if TYPE_CHECKING:  # pragma: no cover
    from .asktell import Trial
    from .client import Client


class Study(Resource):
    """A study. Its fields (``data``) are as of the last call that returned it; :meth:`refresh` reloads them."""

    # ---- fields

    @property
    def status(self) -> str:
        """``CREATED``, ``RUNNING``, ``STOPPING``, ``COMPLETED``, ``STOPPED`` or ``FAILED`` (as last loaded)."""
        return self.data.get("status", "")

    @property
    def queue(self) -> str:
        """The queue its experiments wait in."""
        return self.data.get("executionQueue") or "default"

    @property
    def objectives(self) -> List[Dict[str, str]]:
        """Its objectives ``[{title, series, sign}]``."""
        return list(self.data.get("objectives") or [])

    def refresh(self) -> "Study":
        """Reloads the study's fields; returns itself."""
        self.data = self.client.request("GET", "/studies/%s" % self.id)
        return self

    # ---- lifecycle

    def start(self, callback_url: Optional[str] = None) -> "Study":
        """Starts it (``POST /studies/{id}/start``); ``callback_url`` receives a webhook per ended experiment."""
        body = {"jobCompleteCallbackUrl": callback_url} if callback_url else {}
        self.data = self.client.request("POST", "/studies/%s/start" % self.id, body)
        return self

    def stop(self, timeout_minutes: Optional[float] = None, wait_for_reporter: Optional[bool] = None) -> "Study":
        """Stops it, waiting up to ``timeout_minutes`` (at most 60) for the end (``POST /studies/{id}/stop``)."""
        body: Dict[str, Any] = {}
        if timeout_minutes is not None:
            body["timeoutMinutes"] = timeout_minutes
        if wait_for_reporter is not None:
            body["waitForReporter"] = wait_for_reporter
        wait = (timeout_minutes or 0) * 60
        self.data = self.client.request("POST", "/studies/%s/stop" % self.id, body,
                                        timeout=self.client.transport.timeout + wait)
        return self

    def wait(self, timeout_minutes: Optional[float] = None) -> bool:
        """Waits until the study ends or ``timeout_minutes`` pass (None: for ever); True when it ended.

        Uses the service's long poll (``GET /studies/{id}/wait``) in rounds of at most 60 minutes."""
        deadline = None if timeout_minutes is None else _dt.datetime.now() + _dt.timedelta(minutes=timeout_minutes)
        while True:
            if deadline is None:
                chunk = 60.0
            else:
                chunk = min(60.0, max(0.0, (deadline - _dt.datetime.now()).total_seconds() / 60))
            answer = self.client.request("GET", "/studies/%s/wait" % self.id, query={"timeoutMinutes": chunk},
                                         timeout=self.client.transport.timeout + chunk * 60)
            if answer.get("finished"):
                self.data["status"] = answer.get("status", self.status)
                return True
            if deadline is not None and _dt.datetime.now() >= deadline:
                return False

    def progress(self) -> Dict[str, Any]:
        """Counts, elapsed minutes, time limit and flags (``GET /studies/{id}/status``)."""
        return self.client.request("GET", "/studies/%s/status" % self.id)

    def set_time_limit(self, in_minutes: Optional[float] = None,
                       specific_time: Optional[_dt.datetime] = None) -> "Study":
        """Sets the optimization time limit: minutes from now (from start for a study not started), or a time."""
        if (in_minutes is None) == (specific_time is None):
            raise ValueError("give exactly one of in_minutes and specific_time")
        if specific_time is not None:
            if specific_time.tzinfo is None:
                specific_time = specific_time.astimezone()
            body: Dict[str, Any] = {"specificTime": specific_time.isoformat()}
        else:
            body = {"inMinutes": in_minutes}
        progress = self.client.request("PUT", "/studies/%s/time-limit" % self.id, body)
        self.data["status"] = progress.get("status", self.status)
        return self

    def set_report_period(self, minutes: float) -> "Study":
        """How often the study's report is written (``PUT /studies/{id}/report-period``)."""
        self.data = self.client.request("PUT", "/studies/%s/report-period" % self.id,
                                        {"reportPeriodMinutes": minutes})
        return self

    def set_backend(self, backend: str, queue: Optional[str] = None) -> "Study":
        """``queue`` or ``process``, before start (``PUT /studies/{id}/backend``)."""
        body = {"backend": backend}
        if queue is not None:
            body["executionQueue"] = queue
        self.data = self.client.request("PUT", "/studies/%s/backend" % self.id, body)
        return self

    # ---- results

    def experiments(self, active: bool = False) -> List["Experiment"]:
        """Its experiments in creation order; ``active=True`` for only the queued and running ones."""
        return [Experiment(self.client, item, study=self)
                for item in self.client._pages("/studies/%s/experiments" % self.id, {"active": active})]

    def top(self, k: int = 10, include_running: bool = False) -> List["Experiment"]:
        """The best ``k`` experiments by its objective(s) (Pareto order for several)."""
        answer = self.client.request("GET", "/studies/%s/top-experiments" % self.id,
                                     query={"topK": k, "includeRunning": include_running})
        return [Experiment(self.client, item, study=self) for item in answer]

    def top_by_metric(self, title: str, series: str, sign: str = "min", k: int = 10,
                      include_running: bool = False) -> List["Experiment"]:
        """The best ``k`` experiments by any metric and sign (``min``, ``max``, ``min_global``, ``max_global``)."""
        answer = self.client.request("GET", "/studies/%s/top-experiments/by-metric" % self.id,
                                     query={"title": title, "series": series, "sign": sign, "topK": k,
                                            "includeRunning": include_running})
        return [Experiment(self.client, item, study=self) for item in answer]

    def pareto_front(self, include_running: bool = False) -> List["Experiment"]:
        """The experiments no other one dominates."""
        answer = self.client.request("GET", "/studies/%s/pareto-front" % self.id,
                                     query={"includeRunning": include_running})
        return [Experiment(self.client, item, study=self) for item in answer]

    def report(self) -> Optional[Dict[str, Any]]:
        """The latest report (None before the first one)."""
        return self.client.request("GET", "/studies/%s/report" % self.id)

    def optimizer(self) -> Dict[str, Any]:
        """The strategy, its settings, saved state and seed (``GET /studies/{id}/optimizer``)."""
        return self.client.request("GET", "/studies/%s/optimizer" % self.id)

    # ---- ask / tell

    def ask(self, timeout: float = 60.0, worker_id: Optional[str] = None, poll: float = 0.2) -> Optional["Trial"]:
        """Leases the next experiment from the study's queue as a :class:`Trial` (a heartbeat keeps it).

        Waits up to ``timeout`` seconds for the study to queue one; None when it did not, or when the study ended.
        Use a queue of the study's own: a shared queue may hand out another study's experiment."""
        from .asktell import ask
        return ask(self, timeout=timeout, worker_id=worker_id, poll=poll)

    def tell(self, trial: "Trial", value: Optional[float] = None, state: str = "complete",
             message: str = "") -> None:
        """Ends a trial: ``value`` (if given) as its last objective point and the end, in one call;
        ``state="fail"`` fails it with ``message``. A trial the service ended (pruned, aborted) is left as is."""
        trial.tell(value=value, state=state, message=message)

    def __repr__(self) -> str:
        return "Study(%s, %r, %s)" % (self.id, self.name, self.status)
