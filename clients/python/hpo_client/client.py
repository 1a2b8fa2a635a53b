"""A Pythonic client for hpo-service: ``Client(url, token)`` with studies and experiments as small objects.

    client = Client("http://localhost:8080", token)
    base = client.create_base_experiment("train", project="demo", parameters={"General/lr": 0.1})
    study = client.create_study("lr-search", base, parameters=[LogUniformParameterRange("General/lr", -4, -1)],
                                objective=("validation", "loss", "min"), strategy="tpe", total_max_jobs=20)
    study.start()
    study.wait()
    for experiment in study.top(3):
        print(experiment.parameters, experiment.objective_values)

Every call raises :class:`~hpo_client.errors.ApiError` (a subclass per status) with the service's problem detail
when the service says no, and retries with back-off while the service cannot be reached.
"""
import os
import socket
import urllib.parse
import uuid
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from ._http import Transport
from .errors import Conflict
from .experiment import BaseExperiment, Experiment, parse_time
from .parameters import space_json
from .study import Study

__all__ = ["BaseExperiment", "Client", "Experiment", "Study", "WorkerAction", "default_worker_id", "parse_time"]

ObjectiveLike = Union[Tuple[str, str], Tuple[str, str, str], Mapping[str, str]]


def default_worker_id() -> str:
    """``<host>-<pid>-<random>``: unique per process, readable in the experiment list."""
    return "%s-%d-%s" % (socket.gethostname(), os.getpid(), uuid.uuid4().hex[:6])


class WorkerAction:
    """A worker call's answer: ``action`` is ``continue`` or ``stop``; ``reason`` says why a stop."""

    def __init__(self, action: str, reason: Optional[str] = None) -> None:
        self.action = action
        self.reason = reason

    @property
    def stop(self) -> bool:
        """True when the experiment must stop (it was aborted, pruned, lost its lease or already ended)."""
        return self.action == "stop"

    def __repr__(self) -> str:
        return "WorkerAction(%r, %r)" % (self.action, self.reason)


class Client:
    """The service's REST API.

    Args:
        url: base URL; default ``$HPO_URL``, ``$HPO_API_URL`` or http://localhost:8080.
        token: API token sent as a bearer header; default ``$HPO_TOKEN``.
        timeout: seconds per request.
        retry_seconds: how long a request retries while the service cannot be reached (or answers 503).
    """

    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 30.0,
                 retry_seconds: float = 60.0, log: Any = None, transport: Optional[Transport] = None) -> None:
        self.transport = transport or Transport(url, token, timeout=timeout, retry_seconds=retry_seconds,
                                                **({} if log is None else {"log": log}))

    @property
    def url(self) -> str:
        """The service's base URL."""
        return self.transport.url

    @property
    def token(self) -> Optional[str]:
        """The bearer token sent with every call."""
        return self.transport.token

    def request(self, method: str, path: str, body: Any = None, query: Optional[Dict[str, Any]] = None,
                **options: Any) -> Any:
        """Calls ``/api/v1<path>`` and returns the parsed JSON answer (None for an empty one)."""
        return self.transport.request(method, path, body, query, **options)[1]

    # ---- catalogues

    def strategies(self) -> List[Dict[str, Any]]:
        """The service's strategies with their settings (``GET /strategies``)."""
        return self.request("GET", "/strategies")

    def early_stopping_rules(self) -> List[Dict[str, Any]]:
        """The early-stopping rules with their settings (``GET /early-stopping-rules``)."""
        return self.request("GET", "/early-stopping-rules")

    # ---- base experiments

    def create_base_experiment(self, name: str, project: Optional[str] = None,
                               parameters: Optional[Mapping[str, Any]] = None, command: Optional[Sequence[str]] = None,
                               environment: Optional[Mapping[str, str]] = None,
                               working_directory: Optional[str] = None) -> "BaseExperiment":
        """Registers the template every experiment is cloned from (``POST /base-experiments``)."""
        body: Dict[str, Any] = {"name": name}
        if project is not None:
            body["project"] = project
        if parameters is not None:
            body["parameters"] = dict(parameters)
        if command is not None:
            body["command"] = list(command)
        if environment is not None:
            body["environment"] = dict(environment)
        if working_directory is not None:
            body["workingDirectory"] = working_directory
        return BaseExperiment(self, self.request("POST", "/base-experiments", body))

    def base_experiment(self, base_id: str) -> "BaseExperiment":
        """One base experiment by id."""
        return BaseExperiment(self, self.request("GET", "/base-experiments/%s" % base_id))

    def base_experiments(self) -> List["BaseExperiment"]:
        """Every base experiment, oldest pages first."""
        return [BaseExperiment(self, item) for item in self._pages("/base-experiments", {})]

    # ---- studies

    def create_study(self, name: str, base_experiment: Union[str, "BaseExperiment"], parameters: Sequence[Any],
                     objective: Optional[ObjectiveLike] = None, objectives: Optional[Sequence[ObjectiveLike]] = None,
                     strategy: Optional[str] = None, seed: Optional[int] = None,
                     settings: Optional[Mapping[str, Any]] = None, early_stopping: Optional[str] = None,
                     early_stopping_settings: Optional[Mapping[str, Any]] = None, backend: Optional[str] = None,
                     queue: Optional[str] = None, **limits: Any) -> "Study":
        """Creates a study (``POST /studies``); it starts with :meth:`Study.start`.

        Args:
            parameters: the search space: :mod:`hpo_client.parameters` objects or the service's JSON dicts.
            objective: one ``(title, series)`` or ``(title, series, sign)`` (sign ``min`` by default), or a dict;
                ``objectives`` for several.
            strategy, seed, settings: the strategy (``GET /strategies``); the service's defaults when left out.
            early_stopping, early_stopping_settings: a rule (``median``, ``asha``) and its settings.
            backend, queue: ``queue`` (default) or ``process``, and the queue's name.
            limits: any other study field in snake case: ``max_concurrent_experiments``, ``total_max_jobs``,
                ``optimization_time_limit_minutes``, ``compute_time_limit_minutes``,
                ``time_limit_per_job_minutes``, ``min_iteration_per_job``, ``max_iteration_per_job``,
                ``save_top_k_only``, ``spawn_project``, ``report_period_minutes``, ``max_retries_per_experiment``.
        """
        base_id = base_experiment.id if isinstance(base_experiment, BaseExperiment) else str(base_experiment)
        listed: List[ObjectiveLike] = list(objectives or [])
        if objective is not None:
            listed.insert(0, objective)
        if not listed:
            raise ValueError("a study needs an objective")
        body: Dict[str, Any] = {"name": name, "baseExperimentId": base_id, "parameters": space_json(parameters),
                                "objectives": [objective_json(o) for o in listed]}
        if strategy is not None or seed is not None or settings:
            body["strategy"] = {k: v for k, v in (("name", strategy), ("seed", seed),
                                                  ("settings", dict(settings or {}))) if v is not None}
        if early_stopping is not None:
            body["earlyStopping"] = {"rule": early_stopping, "settings": dict(early_stopping_settings or {})}
        if backend is not None:
            body["backend"] = backend
        if queue is not None:
            body["executionQueue"] = queue
        for key, value in limits.items():
            if value is not None:
                body[camel(key)] = value
        return self.create_study_from_json(body)

    def create_study_from_json(self, body: Mapping[str, Any]) -> "Study":
        """Creates a study from the service's own JSON (``POST /studies``)."""
        return Study(self, self.request("POST", "/studies", dict(body)))

    def study(self, study_id: str) -> "Study":
        """One study by id (``GET /studies/{id}``)."""
        return Study(self, self.request("GET", "/studies/%s" % study_id))

    def studies(self, status: Optional[str] = None) -> List["Study"]:
        """Every study, newest first, optionally of one status (``GET /studies``)."""
        return [Study(self, item) for item in self._pages("/studies", {"status": status})]

    def experiment(self, experiment_id: str) -> "Experiment":
        """One experiment with its metric summaries and scalars (``GET /experiments/{id}``)."""
        return Experiment(self, self.request("GET", "/experiments/%s" % experiment_id), full=True)

    # ---- the worker protocol

    def lease(self, queue: str, worker_id: str, wait: float = 0.0) -> Optional[Dict[str, Any]]:
        """The next experiment of ``queue``, now running on ``worker_id``, or None when there is none.

        With ``wait`` (seconds, at most 60) the service holds the call until an experiment is queued or the time
        is up (a long poll). A service older than the long poll answers at once: callers that loop should still
        pause when a None came back quickly.
        """
        wait = max(0.0, min(float(wait), 60.0))
        status, body = self.transport.request(
            "POST", "/queues/%s/lease" % _quote(queue), {"workerId": worker_id},
            query={"waitSeconds": wait} if wait > 0 else None,
            timeout=self.transport.timeout + wait if wait > 0 else None)
        return None if status == 204 else body

    def heartbeat(self, experiment_id: str, worker_id: str) -> WorkerAction:
        """Renews the lease; a late call (409: the experiment ended) answers ``stop``."""
        return self._action("/experiments/%s/heartbeat" % experiment_id, {"workerId": worker_id})

    def report_scalars(self, experiment_id: str, points: Sequence[Mapping[str, Any]]) -> WorkerAction:
        """Stores metric points ``{title, series, iteration, value}`` (a repeated point is ignored)."""
        return self._action("/experiments/%s/scalars" % experiment_id, [dict(p) for p in points])

    def complete(self, experiment_id: str, scalars: Optional[Sequence[Mapping[str, Any]]] = None) -> Dict[str, Any]:
        """Ends the experiment well; ``scalars`` (points as for :meth:`report_scalars`) are stored first, in the
        same call, so one request ends an experiment with its result. They are not stored when the experiment
        is no longer running (a repeated complete answers as the first did)."""
        body = {"scalars": [dict(p) for p in scalars]} if scalars else None
        return self.request("POST", "/experiments/%s/complete" % experiment_id, body)

    def fail(self, experiment_id: str, message: str) -> Dict[str, Any]:
        """Ends the experiment as failed with a message (shortened to the service's 10,000 characters)."""
        if len(message) > 10000:
            message = message[:2000] + "\n...\n" + message[-7900:]
        return self.request("POST", "/experiments/%s/fail" % experiment_id, {"message": message})

    def _action(self, path: str, body: Any) -> WorkerAction:
        try:
            answer = self.request("POST", path, body) or {}
        except Conflict as e:
            return WorkerAction("stop", "ended:%s" % (e.current_status or "unknown"))
        return WorkerAction(answer.get("action", "continue"), answer.get("reason"))

    def _pages(self, path: str, query: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
        page = 0
        while True:
            answer = self.request("GET", path, query=dict(query, page=page, size=500))
            for item in answer.get("items", []):
                yield item
            page += 1
            if page >= int(answer.get("totalPages") or 0):
                return


def objective_json(objective: ObjectiveLike) -> Dict[str, str]:
    """``(title, series[, sign])`` or a dict as the service's objective."""
    if isinstance(objective, Mapping):
        return {"title": objective["title"], "series": objective["series"], "sign": objective.get("sign", "min")}
    parts = list(objective)
    if len(parts) not in (2, 3):
        raise ValueError("an objective is (title, series) or (title, series, sign), got %r" % (objective,))
    return {"title": parts[0], "series": parts[1], "sign": parts[2] if len(parts) == 3 else "min"}


def camel(name: str) -> str:
    """``total_max_jobs`` -> ``totalMaxJobs``."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _quote(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")
