"""``hpo-agent``: a worker for the service's queue backend (ClearML's clearml-agent, in the standard library).

    hpo-agent --api http://localhost:8080 --token $HPO_TOKEN --queue default --concurrency 2 -- python3 train.py
    python3 -m hpo_client.agent ...   # the same without the console script

Each of ``--concurrency`` slots leases an experiment, runs the command the way the service's process backend does
(parameters appended as ``--name=value`` in name order, a string raw and anything else as JSON; all of them as
JSON in ``HPO_PARAMETERS``; ``HPO_EXPERIMENT_ID``, ``HPO_STUDY_ID``, ``HPO_API_URL``, ``HPO_TOKEN``,
``HPO_MAX_ITERATION``), renews the lease with heartbeats, forwards the child's ``hpo:scalar {json}`` stdout lines
(what :func:`hpo_client.report` prints) as scalar points, and completes the experiment on exit code 0 or fails it
with the code and the last output lines. When the service answers ``stop`` (pruned, aborted, a limit, the study
stopped, the lease lost) the child's process group gets SIGTERM, then SIGKILL after ``--kill-grace`` seconds.

The agent outlives restarts of the service: every call retries with back-off (``--retry-seconds``, leases for
ever), and the experiment in flight carries on. SIGTERM or SIGINT kills every child's process tree and ends the
agent without reporting those experiments, so the service queues them again once their lease runs out
(``maxRetriesPerExperiment``). ``--exit-when-idle S`` ends it after S seconds without work.
"""
import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Any, Deque, Dict, List, Optional, Sequence

from ._version import __version__
from .client import Client, default_worker_id
from .errors import ApiError, Conflict, Forbidden, ServiceUnreachable, Unauthorized
from .report import parse_scalar_line


def argv_for(command: Sequence[str], parameters: Dict[str, Any]) -> List[str]:
    """The command with one ``--name=value`` argument per parameter, in name order (as the process backend)."""
    def text(value: Any) -> str:
        return value if isinstance(value, str) else json.dumps(value)
    return list(command) + ["--%s=%s" % (name, text(parameters[name])) for name in sorted(parameters)]


def kill_tree(process: "subprocess.Popen[str]", grace: float) -> None:
    """SIGTERM to the child's process group, SIGKILL after ``grace`` seconds if it still lives."""
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        _signal_group(process, signal.SIGKILL)
        process.wait()


def _signal_group(process: "subprocess.Popen[str]", sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        try:
            process.send_signal(sig)
        except ProcessLookupError:
            pass


class Agent:
    """Leases and runs experiments until told to stop, idle for ``exit_when_idle`` seconds, or out of
    ``max_experiments``; :meth:`run` returns the exit code."""

    def __init__(self, client: Client, queue: str, command: Sequence[str], concurrency: int = 1,
                 exit_when_idle: Optional[float] = None, poll: float = 1.0, worker_id: Optional[str] = None,
                 tail_lines: int = 20, kill_grace: float = 10.0, max_experiments: Optional[int] = None,
                 out: Any = None, lease_wait: float = 5.0) -> None:
        if not command:
            raise ValueError("hpo-agent needs a command after --")
        self.client = client
        self.queue = queue
        self.command = list(command)
        self.concurrency = max(1, int(concurrency))
        self.exit_when_idle = exit_when_idle
        self.poll = poll
        self.lease_wait = max(0.0, lease_wait)
        self.worker_id = worker_id or default_worker_id()
        self.tail_lines = tail_lines
        self.kill_grace = kill_grace
        self.max_experiments = max_experiments
        self.out = out if out is not None else sys.stdout
        self.shutting_down = threading.Event()
        self.exit_code = 0
        self._lock = threading.RLock()
        self._children: Dict[int, "subprocess.Popen[str]"] = {}
        self._started = 0
        self.completed = 0
        self.failed = 0
        self.stopped = 0

    # ---- the whole agent

    def run(self) -> int:
        """Runs the slots until they end; returns 0, or 128+signal after a signal, or 2 for a rejected token."""
        self.log("hpo-agent %s: worker %s, queue %s, %d slot(s), command %s" % (
            __version__, self.worker_id, self.queue, self.concurrency, " ".join(self.command)))
        slots = [threading.Thread(target=self._slot, args=(i,), daemon=True, name="hpo-slot-%d" % i)
                 for i in range(self.concurrency)]
        for slot in slots:
            slot.start()
        for slot in slots:
            while slot.is_alive():
                slot.join(0.5)
        self.log("hpo-agent: done (%d completed, %d failed, %d stopped by the service)" % (
            self.completed, self.failed, self.stopped))
        return self.exit_code

    def shutdown(self, signum: int) -> None:
        """Ends the agent: no more leases, every child's process tree killed (SIGTERM, then SIGKILL)."""
        if self.shutting_down.is_set():
            return
        self.exit_code = 128 + signum
        self.shutting_down.set()
        self.client.transport.cancel.set()  # a call waiting for the service gives up now
        self.log("hpo-agent: signal %d, killing %d child process tree(s)" % (signum, len(self._children)))
        with self._lock:
            children = list(self._children.values())
        for child in children:
            threading.Thread(target=kill_tree, args=(child, self.kill_grace), daemon=True).start()

    def log(self, message: str) -> None:
        """One line on the agent's output."""
        with self._lock:
            print(message, file=self.out, flush=True)

    # ---- one slot

    def _slot(self, index: int) -> None:
        worker = "%s/%d" % (self.worker_id, index) if self.concurrency > 1 else self.worker_id
        idle_since = time.monotonic()
        while not self.shutting_down.is_set():
            if not self._take_budget():
                return
            retried = self.client.transport.retried
            asked = time.monotonic()
            try:
                wait = self.lease_wait
                if self.exit_when_idle is not None:
                    wait = min(wait, max(0.0, self.exit_when_idle - (asked - idle_since)))
                leased = self.client.lease(self.queue, worker, wait=wait)
            except (Unauthorized, Forbidden) as e:
                self.log("hpo-agent: the service refused the token: %s" % e)
                self.exit_code = 2
                self.shutting_down.set()
                return
            except (ServiceUnreachable, ApiError) as e:
                self._give_back_budget()
                self.log("hpo-agent: lease failed (%s); trying again" % e)
                idle_since = time.monotonic()
                self.shutting_down.wait(self.poll)
                continue
            if leased is None:
                self._give_back_budget()
                if self.client.transport.retried != retried:
                    idle_since = time.monotonic()  # the service was away: that is no idle time
                if self.exit_when_idle is not None and time.monotonic() - idle_since >= self.exit_when_idle:
                    return
                # a long poll already waited; a service that answered at once (no long poll) is asked again later
                self.shutting_down.wait(max(0.0, self.poll - (time.monotonic() - asked)))
                continue
            try:
                self._run(leased, worker)
            except Exception as e:  # a bug or a service gone for good: keep the agent alive
                self.log("hpo-agent: experiment %s: %s: %s" % (leased.get("id"), type(e).__name__, e))
            idle_since = time.monotonic()

    def _take_budget(self) -> bool:
        with self._lock:
            if self.max_experiments is not None and self._started >= self.max_experiments:
                return False
            self._started += 1
            return True

    def _give_back_budget(self) -> None:
        with self._lock:
            self._started -= 1

    # ---- one experiment

    def _run(self, leased: Dict[str, Any], worker: str) -> None:
        experiment_id = leased["id"]
        short = experiment_id[:8]
        parameters = dict(leased.get("parameters") or {})
        self.log("[%s] leased: %s" % (short, json.dumps(parameters, sort_keys=True)))
        env = dict(os.environ)
        env.setdefault("PYTHONUNBUFFERED", "1")
        env.update({"HPO_PARAMETERS": json.dumps(parameters, sort_keys=True), "HPO_EXPERIMENT_ID": experiment_id,
                    "HPO_STUDY_ID": str(leased.get("studyId", "")), "HPO_API_URL": self.client.url})
        if self.client.token:
            env["HPO_TOKEN"] = self.client.token
        if leased.get("maxIteration") is not None:
            env["HPO_MAX_ITERATION"] = str(leased["maxIteration"])
        else:
            env.pop("HPO_MAX_ITERATION", None)
        try:
            child = subprocess.Popen(argv_for(self.command, parameters), env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, bufsize=1,
                                     errors="replace", start_new_session=True)
        except OSError as e:
            self.client.fail(experiment_id, "cannot start %s: %s" % (" ".join(self.command), e))
            self.failed += 1
            return
        with self._lock:
            self._children[child.pid] = child
        if self.shutting_down.is_set():
            threading.Thread(target=kill_tree, args=(child, self.kill_grace), daemon=True).start()
        stop = threading.Event()
        reason: List[Optional[str]] = [None]

        def stop_child(why: Optional[str]) -> None:
            if not stop.is_set():
                stop.set()
                reason[0] = why
                threading.Thread(target=kill_tree, args=(child, self.kill_grace), daemon=True).start()

        beating = threading.Event()
        interval = float(leased.get("heartbeatIntervalSeconds") or 10)
        heart = threading.Thread(target=self._heartbeat, args=(experiment_id, worker, interval, beating, stop_child),
                                 daemon=True)
        heart.start()
        tail: Deque[str] = collections.deque(maxlen=self.tail_lines)
        try:
            assert child.stdout is not None
            for raw in child.stdout:
                line = raw.rstrip("\r\n")
                try:
                    point = parse_scalar_line(line)
                except ValueError as e:
                    tail.append("malformed scalar line (%s): %s" % (e, line))
                    self.log("[%s] malformed scalar line (%s): %s" % (short, e, line))
                    continue
                if point is None:
                    tail.append(line)
                    self.log("[%s] %s" % (short, line))
                elif not stop.is_set() and not self.shutting_down.is_set():
                    action = self.client.report_scalars(experiment_id, [point])
                    if action.stop:
                        stop_child(action.reason)
            code = child.wait()
        finally:
            beating.set()
            _signal_group(child, signal.SIGKILL)  # whatever the child left behind in its group
            with self._lock:
                self._children.pop(child.pid, None)
        if self.shutting_down.is_set():
            self.log("[%s] killed by the agent's shutdown; the service queues it again" % short)
        elif stop.is_set():
            self.stopped += 1
            self.log("[%s] stopped by the service (%s)" % (short, reason[0]))
        else:
            try:
                if code == 0:
                    self.client.complete(experiment_id)
                    self.completed += 1
                    self.log("[%s] completed" % short)
                else:
                    self.client.fail(experiment_id, "process exited with code %d; last output:\n%s"
                                     % (code, "\n".join(tail)))
                    self.failed += 1
                    self.log("[%s] failed with exit code %d" % (short, code))
            except Conflict as e:  # the service ended it first (pruned, aborted) while the child was exiting
                self.stopped += 1
                self.log("[%s] stopped by the service (%s) as it ended" % (short, e.current_status))

    def _heartbeat(self, experiment_id: str, worker: str, interval: float, done: threading.Event,
                   stop_child: Any) -> None:
        while not done.wait(interval):
            try:
                action = self.client.heartbeat(experiment_id, worker)
            except (ServiceUnreachable, ApiError) as e:
                self.log("[%s] heartbeat failed (%s)" % (experiment_id[:8], e))
                continue
            if action.stop:
                stop_child(action.reason)
                return


def parser() -> argparse.ArgumentParser:
    """The command line of ``hpo-agent``."""
    p = argparse.ArgumentParser(prog="hpo-agent", description=__doc__.split("\n\n")[0],
                                epilog="Everything after -- is the command run for each experiment.")
    p.add_argument("--api", default=None, help="the service's base URL (default $HPO_URL, $HPO_API_URL, "
                                               "http://localhost:8080)")
    p.add_argument("--token", default=None, help="API token (default $HPO_TOKEN)")
    p.add_argument("--queue", default="default", help="the queue to lease from (default: default)")
    p.add_argument("--concurrency", type=int, default=1, help="experiments run at once (default 1)")
    p.add_argument("--exit-when-idle", type=float, default=None, metavar="S",
                   help="exit after S seconds without work (default: run until stopped)")
    p.add_argument("--worker-id", default=None, help="default <host>-<pid>-<random>")
    p.add_argument("--poll", type=float, default=1.0,
                   help="least seconds between two leases while the queue is empty (default 1)")
    p.add_argument("--lease-wait", type=float, default=5.0,
                   help="seconds one lease waits for an experiment (a long poll, at most 60; 0 polls; default 5)")
    p.add_argument("--retry-seconds", type=float, default=300.0,
                   help="how long one call retries while the service is away (default 300)")
    p.add_argument("--kill-grace", type=float, default=10.0, help="seconds between SIGTERM and SIGKILL")
    p.add_argument("--tail-lines", type=int, default=20, help="output lines in a failure message (default 20)")
    p.add_argument("--max-experiments", type=int, default=None, help="exit after running this many")
    p.add_argument("--version", action="version", version="hpo-agent %s" % __version__)
    p.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``hpo-agent`` console script."""
    args = parser().parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser().error("give the command to run after --, e.g. -- python3 train.py")
    client = Client(args.api, args.token, retry_seconds=args.retry_seconds)
    agent = Agent(client, args.queue, command, concurrency=args.concurrency, exit_when_idle=args.exit_when_idle,
                  poll=args.poll, worker_id=args.worker_id, tail_lines=args.tail_lines, kill_grace=args.kill_grace,
                  max_experiments=args.max_experiments, lease_wait=args.lease_wait)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, _frame: agent.shutdown(signum))
    return agent.run()


if __name__ == "__main__":
    sys.exit(main())
