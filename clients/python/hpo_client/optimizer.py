"""ClearML's ``HyperParameterOptimizer`` over hpo-service's REST API.

A ClearML script changes its imports and keeps the rest::

    from hpo_client import HyperParameterOptimizer, UniformParameterRange, DiscreteParameterRange, OptimizerOptuna

The constructor creates a study (``POST /studies``); :meth:`HyperParameterOptimizer.start` starts it. The study
lives in the service: this object only talks to it, so the script may exit, and
:meth:`HyperParameterOptimizer.from_study` attaches to a study again. The connection comes from the keyword
arguments ``api_url`` and ``token`` (or ``client``), else ``$HPO_URL`` and ``$HPO_TOKEN``.
"""
import datetime as _dt
import warnings
from typing import Any, Dict, List, Optional, Sequence, Union

from .callbacks import JobCompleteCallback, JobCompletePoller
from .client import Client
from .experiment import Experiment
from .study import Study
from .errors import Conflict
from .parameters import space_json
from .strategies import (COMMON_KWARGS, GridSearch, NamedStrategy, OptimizerBOHB, OptimizerOptuna, RandomSearch,
                         SearchStrategy, StrategyLike, resolve)

_BY_SERVICE_NAME = {"grid": GridSearch, "random": RandomSearch, "tpe": OptimizerOptuna, "bohb": OptimizerBOHB}


class ClearmlJob:
    """ClearML's job class for a queue: ``set_default_job_class(ClearmlJob)`` selects the ``queue`` backend."""

    backend = "queue"


class LocalClearmlJob(ClearmlJob):
    """ClearML's local job class: selects the ``process`` backend (the service runs the base command)."""

    backend = "process"


class HyperParameterOptimizer:
    """A study in the service, driven the way ClearML's class is.

    Args (ClearML's, with the service field each one sets):
        base_task_id: the base experiment's id (``baseExperimentId``).
        hyper_parameters: :mod:`hpo_client.parameters` objects (``parameters``).
        objective_metric_title, objective_metric_series, objective_metric_sign: strings, or lists of the same
            length for several objectives (``objectives``; sign ``min``, ``max``, ``min_global``, ``max_global``).
        optimizer_class: ``GridSearch``, ``RandomSearch``, ``OptimizerOptuna``, ``OptimizerBOHB`` (class or
            instance), or any service strategy name (``strategy.name``).
        max_number_of_concurrent_tasks: ``maxConcurrentExperiments`` (10 as in ClearML).
        execution_queue: ``executionQueue``.
        optimization_time_limit: ``optimizationTimeLimitMinutes`` (counted from start, not from construction).
        compute_time_limit: ``computeTimeLimitMinutes`` (it works here).
        auto_connect_task, always_create_task: accepted and without effect (the study is the record).
        spawn_project: ``spawnProject``.
        save_top_k_tasks_only: ``saveTopKOnly`` when above 0.
        optimizer_kwargs: ``total_max_jobs``, ``min_iteration_per_job``, ``max_iteration_per_job``,
            ``time_limit_per_job`` (minutes), ``pool_period_min`` (no effect: the service drives the loop), and the
            strategy's own arguments (see :mod:`hpo_client.strategies`). Extensions of this client: ``api_url``,
            ``token``, ``client``, ``name`` (the study's), ``seed``, ``early_stopping`` (a rule name, a
            ``{"rule", "settings"}`` dict, or False for none), ``max_retries_per_experiment``,
            ``callback_poll_seconds`` (default 2).
    """

    def __init__(self, base_task_id: str, hyper_parameters: Sequence[Any],
                 objective_metric_title: Union[str, Sequence[str]], objective_metric_series: Union[str, Sequence[str]],
                 objective_metric_sign: Union[str, Sequence[str]] = "min",
                 optimizer_class: Optional[StrategyLike] = RandomSearch, max_number_of_concurrent_tasks: int = 10,
                 execution_queue: str = "default", optimization_time_limit: Optional[float] = None,
                 compute_time_limit: Optional[float] = None, auto_connect_task: Any = True,
                 always_create_task: bool = False, spawn_project: Optional[str] = None,
                 save_top_k_tasks_only: Optional[int] = None, **optimizer_kwargs: Any) -> None:
        client = optimizer_kwargs.pop("client", None)
        api_url = optimizer_kwargs.pop("api_url", None)
        token = optimizer_kwargs.pop("token", None)
        self.client: Client = client or Client(api_url, token)
        name = optimizer_kwargs.pop("name", None)
        seed = optimizer_kwargs.pop("seed", None)
        early_stopping = optimizer_kwargs.pop("early_stopping", None)
        retries = optimizer_kwargs.pop("max_retries_per_experiment", None)
        self.callback_poll_seconds = float(optimizer_kwargs.pop("callback_poll_seconds", 2.0))
        del auto_connect_task, always_create_task

        objectives = _objectives(objective_metric_title, objective_metric_series, objective_metric_sign)
        strategy = resolve(optimizer_class)
        if len(objectives) > 1 and isinstance(strategy, (GridSearch, RandomSearch, OptimizerBOHB)):
            warnings.warn("%s with several objectives: the service ranks by Pareto front" % type(strategy).__name__,
                          stacklevel=2)
        kwargs = dict(strategy.kwargs)
        kwargs.update(optimizer_kwargs)
        common = {k: kwargs.pop(k) for k in list(kwargs) if k in COMMON_KWARGS}
        self._optimizer = strategy

        if not base_task_id:
            raise ValueError("base_task_id must name a base experiment (POST /api/v1/base-experiments)")
        base = self.client.base_experiment(base_task_id)
        body: Dict[str, Any] = {
            "name": name or "Optimizing: %s" % base.name,
            "baseExperimentId": base.id,
            "parameters": space_json(hyper_parameters),
            "objectives": objectives,
            "strategy": {"name": strategy.service_name, "settings": strategy.settings(kwargs)},
            "backend": "queue",
            "executionQueue": execution_queue,
            "maxConcurrentExperiments": max_number_of_concurrent_tasks,
        }
        if seed is not None:
            body["strategy"]["seed"] = seed
        stopping = _early_stopping(strategy, early_stopping, common.get("min_iteration_per_job"))
        if stopping is not None:
            body["earlyStopping"] = stopping
        fields = {"optimizationTimeLimitMinutes": optimization_time_limit,
                  "computeTimeLimitMinutes": common.get("compute_time_limit", compute_time_limit),
                  "timeLimitPerJobMinutes": common.get("time_limit_per_job"),
                  "totalMaxJobs": common.get("total_max_jobs"),
                  "minIterationPerJob": common.get("min_iteration_per_job"),
                  "maxIterationPerJob": common.get("max_iteration_per_job"),
                  "spawnProject": spawn_project,
                  "saveTopKOnly": save_top_k_tasks_only if save_top_k_tasks_only and save_top_k_tasks_only > 0
                  else None,
                  "maxRetriesPerExperiment": retries}
        body.update({k: v for k, v in fields.items() if v is not None})
        self.study: Study = self.client.create_study_from_json(body)
        self._poller: Optional[JobCompletePoller] = None
        self._started = False

    @classmethod
    def from_study(cls, study_id: str, client: Optional[Client] = None) -> "HyperParameterOptimizer":
        """Attaches to an existing study (e.g. from another process, or after the script restarted)."""
        self = cls.__new__(cls)
        self.client = client or Client()
        self.study = self.client.study(study_id)
        strategy = (self.study.data.get("strategy") or {}).get("name", "random")
        self._optimizer = _BY_SERVICE_NAME.get(strategy, lambda: NamedStrategy(strategy))()
        self._poller = None
        self._started = self.study.status != "CREATED"
        self.callback_poll_seconds = 2.0
        return self

    @property
    def id(self) -> str:
        """The study's id (ClearML: the optimizer task's id)."""
        return self.study.id

    # ---- lifecycle

    def start(self, job_complete_callback: Optional[JobCompleteCallback] = None) -> bool:
        """Starts the study; ``job_complete_callback(job_id, objective_value, objective_iteration, job_parameters,
        top_performance_job_id)`` is then called in this process once for every experiment that ended.
        True when the study runs (also when it already did)."""
        if not self._started:
            try:
                self.study.start()
            except Conflict as e:
                if e.current_status not in ("RUNNING", "STOPPING"):
                    raise
            self._started = True
        if job_complete_callback is not None and self._poller is None:
            self._poller = JobCompletePoller(self.study, job_complete_callback, self.callback_poll_seconds)
            self._poller.start()
        return True

    def start_locally(self, job_complete_callback: Optional[JobCompleteCallback] = None) -> bool:
        """Starts the study on the ``process`` backend: the service runs the base experiment's command."""
        self.set_default_job_class(LocalClearmlJob)
        return self.start(job_complete_callback=job_complete_callback)

    def stop(self, timeout: Optional[float] = None, wait_for_reporter: Optional[bool] = True) -> None:
        """Stops the study (its running experiments are aborted), waiting up to ``timeout`` minutes (at most 60)
        for it to end; with ``wait_for_reporter`` the callback is fired for what ended before it returns."""
        if self.study.refresh().status not in ("COMPLETED", "STOPPED", "FAILED"):
            try:
                self.study.stop(timeout_minutes=None if timeout is None else min(float(timeout), 60.0),
                                wait_for_reporter=bool(wait_for_reporter))
            except Conflict:  # it ended in the meantime
                pass
        if self._poller is not None:
            self._poller.stop(final_poll=bool(wait_for_reporter))
            self._poller = None

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Waits until the study ends or ``timeout`` minutes pass (None: until it ends); True when it ended, and
        True at once for a study not started (as in ClearML). It stops nothing."""
        if self.study.refresh().status == "CREATED":
            return True
        finished = self.study.wait(timeout_minutes=timeout)
        if finished and self._poller is not None:
            self._poller.poll()
        return finished

    # ---- results

    def get_top_experiments(self, top_k: int) -> List[Experiment]:
        """The best ``top_k`` ended experiments by the objective(s), best first (Pareto order for several)."""
        return self.study.top(top_k)

    def get_top_experiments_id(self, top_k: int) -> List[str]:
        """The ids of :meth:`get_top_experiments`."""
        return [e.id for e in self.get_top_experiments(top_k)]

    def get_top_experiments_details(self, top_k: int, all_metrics: bool = False, all_hyper_parameters: bool = False,
                                    only_completed: bool = False) -> List[Dict[str, Any]]:
        """ClearML's ``[{task_id, hyper_parameters, metrics}]``: ``hyper_parameters`` the optimized ones (with
        ``all_hyper_parameters`` the base experiment's too), ``metrics`` ``{"title/series": {metric, variant, value, min_value, max_value}}``
        for the objectives (all with ``all_metrics``); ``only_completed`` leaves out ABORTED ones."""
        ranked = self.study.top(min(10000, top_k * 4) if only_completed else top_k)
        if only_completed:
            ranked = [e for e in ranked if e.status == "COMPLETED"]
        optimized = _optimized_names(self.study.data.get("parameters") or [])
        objective_keys = {(o["title"], o["series"]) for o in self.study.objectives}
        defaults: Dict[str, Any] = {}
        if all_hyper_parameters and ranked:
            defaults = self.client.base_experiment(self.study.data["baseExperimentId"]).parameters
        details = []
        for experiment in ranked[:top_k]:
            experiment.refresh()
            parameters = dict(defaults, **experiment.parameters)
            if not all_hyper_parameters:
                parameters = {k: v for k, v in parameters.items() if k in optimized}
            metrics = {}
            for summary in experiment.metrics:
                if all_metrics or (summary["title"], summary["series"]) in objective_keys:
                    metrics["%s/%s" % (summary["title"], summary["series"])] = {
                        "metric": summary["title"], "variant": summary["series"], "value": summary.get("lastValue"),
                        "min_value": summary.get("minValue"), "max_value": summary.get("maxValue")}
            details.append({"task_id": experiment.id, "hyper_parameters": parameters, "metrics": metrics})
        return details

    @classmethod
    def get_optimizer_top_experiments(cls, objective_metric_title: str, objective_metric_series: str,
                                      objective_metric_sign: str, optimizer_task_id: str, top_k: int,
                                      client: Optional[Client] = None) -> List[Experiment]:
        """The best ``top_k`` experiments of study ``optimizer_task_id`` by any metric; every sign works
        (``min``, ``max``, ``min_global``, ``max_global``)."""
        client = client or Client()
        return Study(client, {"id": optimizer_task_id}).top_by_metric(
            objective_metric_title, objective_metric_series, objective_metric_sign, top_k)

    def get_active_experiments(self) -> List[Experiment]:
        """The queued and running experiments."""
        return self.study.experiments(active=True)

    def get_num_active_experiments(self) -> int:
        """How many experiments are queued or running."""
        return int(self.study.progress()["activeExperiments"])

    # ---- status and time

    def elapsed(self) -> float:
        """Minutes since start (to the end once ended); -1.0 before start."""
        return float(self.study.progress()["elapsedMinutes"])

    def is_active(self) -> bool:
        """True while the study runs or stops, and (as in ClearML) before it started."""
        progress = self.study.progress()
        return bool(progress["active"]) or progress["status"] == "CREATED"

    def is_running(self) -> bool:
        """True while the study runs and a service replica drives it."""
        return bool(self.study.progress()["running"])

    def reached_time_limit(self) -> bool:
        """True once the optimization deadline passed (False without one)."""
        return bool(self.study.progress()["reachedTimeLimit"])

    def get_time_limit(self) -> Optional[_dt.datetime]:
        """The absolute optimization deadline (None when there is none, where ClearML raises)."""
        from .experiment import parse_time
        return parse_time(self.study.progress().get("timeLimit"))

    def set_time_limit(self, in_minutes: Optional[float] = None,
                       specific_time: Optional[_dt.datetime] = None) -> None:
        """Sets the deadline: ``specific_time`` when given, else ``in_minutes`` from now (from start for a study
        not started)."""
        if specific_time is not None:
            self.study.set_time_limit(specific_time=specific_time)
        elif in_minutes is not None:
            self.study.set_time_limit(in_minutes=in_minutes)
        else:
            raise ValueError("give in_minutes or specific_time")

    def set_report_period(self, report_period_minutes: float) -> None:
        """How often the study's report is written, in minutes."""
        self.study.set_report_period(report_period_minutes)

    def set_default_job_class(self, job_class: Union[str, type]) -> None:
        """The backend, before start: ``ClearmlJob`` or ``"queue"`` (workers lease from the queue),
        ``LocalClearmlJob`` or ``"process"`` (the service runs the base experiment's command)."""
        if isinstance(job_class, str):
            backend = job_class
        else:
            backend = getattr(job_class, "backend", None)
            if backend is None:
                backend = "process" if getattr(job_class, "__name__", "").startswith("Local") else "queue"
        self.study.set_backend(backend)

    def get_optimizer(self) -> SearchStrategy:
        """The strategy object; its ``info`` holds the service's strategy, settings, saved state and seed."""
        self._optimizer.info = self.study.optimizer()  # type: ignore[attr-defined]
        return self._optimizer

    def __repr__(self) -> str:
        return "HyperParameterOptimizer(study=%s, %s)" % (self.study.id, type(self._optimizer).__name__)


def _objectives(titles: Any, series: Any, signs: Any) -> List[Dict[str, str]]:
    if isinstance(titles, str) and isinstance(series, str) and isinstance(signs, str):
        return [{"title": titles, "series": series, "sign": signs}]
    if isinstance(titles, str) or isinstance(series, str) or isinstance(signs, str):
        raise TypeError("objective_metric_title, _series and _sign must all be strings or all be lists")
    titles, series, signs = list(titles), list(series), list(signs)
    if not (len(titles) == len(series) == len(signs)) or not titles:
        raise ValueError("objective_metric_title, _series and _sign must be lists of the same, non-zero length")
    return [{"title": t, "series": s, "sign": g} for t, s, g in zip(titles, series, signs)]


def _early_stopping(strategy: SearchStrategy, requested: Any, min_iteration: Optional[int]) -> Optional[Dict[str, Any]]:
    if requested is False:
        return None
    if isinstance(requested, dict):
        return {"rule": requested["rule"], "settings": dict(requested.get("settings") or {})}
    rule = requested if isinstance(requested, str) else strategy.early_stopping
    if rule is None:
        return None
    settings: Dict[str, Any] = {}
    if rule == "median" and min_iteration:
        settings["warmupIterations"] = int(min_iteration)
    return {"rule": rule, "settings": settings}


def _optimized_names(space: Sequence[Dict[str, Any]]) -> set:
    names = set()
    for entry in space:
        if entry.get("name"):
            names.add(entry["name"])
        for combination in entry.get("combinations") or []:
            names.update(combination.keys())
    return names
