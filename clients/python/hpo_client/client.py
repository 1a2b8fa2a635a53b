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
import datetime as _dt
import itertools
import socket
import os
import uuid
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from ._http import Transport
from .errors import Conflict
from .parameters import space_json

ObjectiveLike = Union[Tuple[str, str], Tuple[str, str, str], Mapping[str, str]]


def default_worker_id() -> str:
    """``<host>-<pid>-<random>``: unique per process, readable in the experiment list."""
    return "%s-%d-%s" % (socket.gethostname(), os.getpid(), uuid.uuid4().hex[:6])


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

    def lease(self, queue: str, worker_id: str) -> Optional[Dict[str, Any]]:
        """The next experiment of ``queue``, now running on ``worker_id``, or None when there is none."""
        status, body = self.transport.request("POST", "/queues/%s/lease" % _quote(queue), {"workerId": worker_id})
        return None if status == 204 else body

    def heartbeat(self, experiment_id: str, worker_id: str) -> WorkerAction:
        """Renews the lease; a late call (409: the experiment ended) answers ``stop``."""
        return self._action("/experiments/%s/heartbeat" % experiment_id, {"workerId": worker_id})

    def report_scalars(self, experiment_id: str, points: Sequence[Mapping[str, Any]]) -> WorkerAction:
        """Stores metric points ``{title, series, iteration, value}`` (a repeated point is ignored)."""
        return self._action("/experiments/%s/scalars" % experiment_id, [dict(p) for p in points])

    def complete(self, experiment_id: str) -> Dict[str, Any]:
        """Ends the experiment well."""
        return self.request("POST", "/experiments/%s/complete" % experiment_id)

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


class BaseExperiment:
    """A base experiment (the template of a study's experiments)."""

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


class Study:
    """A study. Its fields (``data``) are as of the last call that returned it; :meth:`refresh` reloads them."""

    def __init__(self, client: Client, data: Dict[str, Any]) -> None:
        self.client = client
        self.data = data

    # ---- fields

    @property
    def id(self) -> str:
        """Its id."""
        return self.data["id"]

    @property
    def name(self) -> str:
        """Its name."""
        return self.data.get("name", "")

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
        """Ends a trial: reports ``value`` (if given) as its last objective point, then completes it;
        ``state="fail"`` fails it with ``message``. A trial the service stopped (pruned, aborted) is left as is."""
        trial.tell(value=value, state=state, message=message)

    def __repr__(self) -> str:
        return "Study(%s, %r, %s)" % (self.id, self.name, self.status)


class Experiment:
    """An experiment (one trial). ``data`` holds the fields of the answer it came from; :meth:`refresh` loads all
    of them (metric summaries and scalars too)."""

    def __init__(self, client: Client, data: Dict[str, Any], study: Optional[Study] = None,
                 full: bool = False) -> None:
        self.client = client
        self.data = data
        self.study = study
        self._full = full

    @property
    def id(self) -> str:
        """Its id."""
        return self.data["id"]

    task_id = id

    @property
    def name(self) -> str:
        """Its name."""
        return self.data.get("name", "")

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
    import urllib.parse
    return urllib.parse.quote(segment, safe="")
