"""ClearML's job-complete callback, fired in the client by polling a study's experiments.

The callback gets ClearML's five arguments ``(job_id, objective_value, objective_iteration, job_parameters,
top_performance_job_id)``: values and iterations are lists (one per objective, as in ClearML), ``job_parameters``
holds the experiment's parameters plus its ``status``. Unlike ClearML it fires exactly once per experiment, when
it ended, failures and aborts included (their values may be None), as the service's webhook does.
"""
import sys
import threading
import traceback
from typing import Any, Callable, Dict, List, Optional, Set

from .study import Study

JobCompleteCallback = Callable[[str, Optional[List[float]], Optional[List[Optional[int]]], Dict[str, Any],
                                Optional[str]], Any]

ENDED = ("COMPLETED", "FAILED", "ABORTED")


class JobCompletePoller:
    """Polls ``study`` every ``interval`` seconds on a daemon thread and calls ``callback`` for each newly ended
    experiment; :meth:`poll` runs one round in the caller's thread."""

    def __init__(self, study: Study, callback: JobCompleteCallback, interval: float = 2.0) -> None:
        self.study = study
        self.callback = callback
        self.interval = interval
        self.fired: Set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def start(self) -> None:
        """Starts the polling thread."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True, name="hpo-job-complete")
            self._thread.start()

    def stop(self, final_poll: bool = True) -> None:
        """Stops the thread, after one last round when ``final_poll``."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        if final_poll:
            self.poll()

    def poll(self) -> int:
        """Fires the callback for every experiment that ended since the last round; returns how many."""
        with self._lock:
            ended = [e for e in self.study.experiments() if e.status in ENDED and e.id not in self.fired]
            if not ended:
                return 0
            top = self.study.top(1)
            best = top[0].id if top else None
            objectives = self.study.objectives
            for experiment in ended:
                self.fired.add(experiment.id)
                iterations: List[Optional[int]] = []
                for objective in objectives:
                    summary = experiment.metric(objective["title"], objective["series"])
                    iterations.append(None if summary is None else summary.get("lastIteration"))
                parameters = dict(experiment.parameters)
                parameters["status"] = experiment.status
                try:
                    self.callback(experiment.id, experiment.objective_values, iterations, parameters, best)
                except Exception:  # the user's callback must not end the polling
                    traceback.print_exc(file=sys.stderr)
            return len(ended)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception as e:  # the service is away for longer than the retry window: try next round
                print("hpo-client: job-complete polling failed: %s" % e, file=sys.stderr, flush=True)
