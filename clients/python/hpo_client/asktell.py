"""Ask/tell for users coming from Optuna.

    trial = study.ask()                  # leases the next experiment from the study's queue
    for step in range(epochs):
        loss = train_one_epoch(trial.params["General/lr"])
        trial.report(loss, step)         # the study's first objective, at iteration `step`
        if trial.should_stop():          # pruned, aborted, limit reached, study stopped
            break
    study.tell(trial, loss)              # reports the final value (unless stopped) and completes it

While a trial is open a daemon thread renews its lease every ``heartbeatIntervalSeconds``.
"""
import threading
import time
from typing import TYPE_CHECKING, Any, Dict, Optional

from .client import WorkerAction, default_worker_id
from .errors import Conflict

if TYPE_CHECKING:  # pragma: no cover
    from .client import Study

_ENDED = ("COMPLETED", "STOPPED", "FAILED")


class Trial:
    """One leased experiment of a study, worked on in this process."""

    def __init__(self, study: "Study", leased: Dict[str, Any], worker_id: str) -> None:
        self.study = study
        self.client = study.client
        self.leased = leased
        self.worker_id = worker_id
        self.id: str = leased["id"]
        self.number: Optional[int] = None
        self.params: Dict[str, Any] = dict(leased.get("parameters") or {})
        self.max_iteration: Optional[int] = leased.get("maxIteration")
        self.last_step: Optional[int] = None
        self.stop_reason: Optional[str] = None
        self.finished = False
        self._stopped = threading.Event()
        self._closed = threading.Event()
        interval = float(leased.get("heartbeatIntervalSeconds") or 10)
        self._heartbeat = threading.Thread(target=self._beat, args=(interval,), daemon=True,
                                           name="hpo-trial-%s" % self.id[:8])
        self._heartbeat.start()

    @property
    def parameters(self) -> Dict[str, Any]:
        """The trial's parameter values (also as ``params``)."""
        return self.params

    @property
    def study_id(self) -> str:
        """The id of the study the experiment belongs to (another one than ``study`` on a shared queue)."""
        return self.leased.get("studyId", self.study.id)

    def report(self, value: float, step: int, title: Optional[str] = None, series: Optional[str] = None) -> bool:
        """Reports ``value`` at iteration ``step`` for the study's first objective (or ``title``/``series``).

        Returns False once the service said stop (then :meth:`should_stop` is True as well)."""
        if self._stopped.is_set():
            return False
        self._take(self.client.report_scalars(self.id, [self._point(value, step, title, series)]))
        return not self._stopped.is_set()

    def _point(self, value: float, step: int, title: Optional[str] = None,
               series: Optional[str] = None) -> Dict[str, Any]:
        objective = self.study.objectives[0] if self.study.objectives else {"title": "objective", "series": "value"}
        if self.last_step is None or int(step) > self.last_step:
            self.last_step = int(step)
        return {"title": title or objective["title"], "series": series or objective["series"],
                "iteration": int(step), "value": float(value)}

    def should_stop(self) -> bool:
        """True when the service told this trial to stop (pruned, aborted, a limit, the study ended)."""
        return self._stopped.is_set()

    should_prune = should_stop

    def tell(self, value: Optional[float] = None, state: str = "complete", message: str = "") -> None:
        """Ends the trial (see :meth:`hpo_client.client.Study.tell`)."""
        if self.finished:
            return
        try:
            if self._stopped.is_set():
                return
            if state == "fail":
                self.client.fail(self.id, message or "failed (told by the client)")
                return
            if state != "complete":
                raise ValueError("state must be 'complete' or 'fail', got %r" % state)
            last = None
            if value is not None:
                last = [self._point(value, 0 if self.last_step is None else self.last_step + 1)]
            try:
                # the value and the end in one call: the service stores the point, then completes
                self.client.complete(self.id, scalars=last)
            except Conflict as e:
                # it ended meanwhile (aborted, pruned, a limit): the service's end stands, as after a stop
                self.stop_reason = self.stop_reason or "ended:%s" % (e.current_status or "unknown")
                self._stopped.set()
        finally:
            self.finished = True
            self._closed.set()

    def _take(self, action: WorkerAction) -> None:
        if action.stop:
            self.stop_reason = action.reason
            self._stopped.set()

    def _beat(self, interval: float) -> None:
        while not self._closed.wait(interval):
            try:
                self._take(self.client.heartbeat(self.id, self.worker_id))
            except Exception:  # the service is briefly away: the next beat tries again
                continue
            if self._stopped.is_set():
                return

    def __repr__(self) -> str:
        return "Trial(%s, %r)" % (self.id, self.params)


def ask(study: "Study", timeout: float = 60.0, worker_id: Optional[str] = None, poll: float = 0.2) -> Optional[Trial]:
    """See :meth:`hpo_client.client.Study.ask`."""
    worker = worker_id or default_worker_id()
    deadline = time.monotonic() + timeout
    while True:
        asked = time.monotonic()
        # a long poll of at most 5 s, so a study that ended meanwhile is noticed soon
        leased = study.client.lease(study.queue, worker, wait=min(5.0, max(0.0, deadline - asked)))
        if leased is not None:
            return Trial(study, leased, worker)
        if time.monotonic() >= deadline:
            return None
        if study.refresh().status in _ENDED:
            return None
        time.sleep(max(0.0, poll - (time.monotonic() - asked)))
