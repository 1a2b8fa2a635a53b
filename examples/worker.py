#!/usr/bin/env python3
"""A generic worker for the HPO service's queue backend, standard library only.

It leases experiments from a queue, runs each, renews the lease with heartbeats, reports scalars, and completes
or fails the experiment:

    python3 examples/worker.py --api http://localhost:8080 --token $TOKEN --queue default -- python3 examples/train.py
    python3 examples/worker.py --api http://localhost:8080 --token $TOKEN --queue default   # the built-in toy model

The token (--token or HPO_TOKEN) needs the worker role or above.

With a command, each experiment runs it the way the process backend does: parameters appended as --name=value
arguments and as JSON in HPO_PARAMETERS, plus HPO_EXPERIMENT_ID, HPO_STUDY_ID, HPO_API_URL, HPO_MAX_ITERATION, HPO_TOKEN.
Its "hpo:scalar {json}" stdout lines are posted as scalars; other lines are echoed. Exit code 0 completes the
experiment, any other fails it with the last output lines. Without a command the toy model of train.py runs in
this process. When the service answers "stop" (a limit, pruning, the study stopped), the command is terminated.
"""
import argparse
import collections
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402  (the toy model and the stdout line format live there)

SCALAR_PREFIX = "hpo:scalar"


class Api:
    def __init__(self, base_url, worker_id, retry_seconds=300.0, token=None):
        self.base = base_url.rstrip("/") + "/api/v1"
        self.worker_id = worker_id
        self.retry_seconds = retry_seconds
        self.token = token

    def call(self, method, path, body=None):
        """Returns (status, parsed JSON or None); retries while the service cannot be reached."""
        deadline = time.monotonic() + self.retry_seconds
        delay = 1.0
        while True:
            try:
                return self._call_once(method, path, body)
            except urllib.error.HTTPError:
                raise
            except OSError as e:
                # a restarting service is away for a while: give up only after retry_seconds, so a
                # worker (and the experiment it runs) outlives a restart instead of dying with a traceback
                if time.monotonic() + delay > deadline:
                    raise
                print("service unreachable (%s), retrying in %.0fs" % (e, delay), file=sys.stderr, flush=True)
                time.sleep(delay)
                delay = min(delay * 2, 15.0)

    def _call_once(self, method, path, body):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw) if raw else None
            except ValueError:
                return e.code, None

    def lease(self, queue):
        status, body = self.call("POST", "/queues/%s/lease" % queue, {"workerId": self.worker_id})
        if status == 204:
            return None
        if status != 200:
            raise RuntimeError("lease failed: %s %s" % (status, body))
        return body

    def keep_going(self, status, body):
        # 409: the experiment already ended (a late call): stop as well
        return status == 200 and (body or {}).get("action", "continue") != "stop"

    def heartbeat(self, experiment_id):
        return self.keep_going(*self.call("POST", "/experiments/%s/heartbeat" % experiment_id,
                                          {"workerId": self.worker_id}))

    def scalars(self, experiment_id, points):
        return self.keep_going(*self.call("POST", "/experiments/%s/scalars" % experiment_id, points))

    def complete(self, experiment_id):
        return self.call("POST", "/experiments/%s/complete" % experiment_id)

    def fail(self, experiment_id, message):
        # the service keeps up to 10,000 characters; the end of the output says most
        if len(message) > 10000:
            message = message[:2000] + "\n...\n" + message[-7900:]
        return self.call("POST", "/experiments/%s/fail" % experiment_id, {"message": message})


class Heartbeat(threading.Thread):
    """Renews the lease every interval; calls on_stop once when the service says stop."""

    def __init__(self, api, experiment_id, interval, on_stop):
        super().__init__(daemon=True)
        self.api, self.experiment_id, self.interval, self.on_stop = api, experiment_id, interval, on_stop
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(self.interval):
            try:
                if not self.api.heartbeat(self.experiment_id):
                    self.on_stop()
                    return
            except OSError as e:  # the service is briefly away: the lease has some slack
                print("heartbeat failed: %s" % e, file=sys.stderr, flush=True)


def argv_for(command, parameters):
    def value(v):
        return v if isinstance(v, str) else json.dumps(v)
    return list(command) + ["--%s=%s" % (name, value(parameters[name])) for name in sorted(parameters)]


def run_command(api, experiment, command, api_url, interval, tail_lines):
    experiment_id = experiment["id"]
    parameters = experiment.get("parameters") or {}
    env = dict(os.environ)
    env.setdefault("PYTHONUNBUFFERED", "1")  # scalar lines as they are printed, not at exit
    env.update({"HPO_PARAMETERS": json.dumps(parameters, sort_keys=True), "HPO_EXPERIMENT_ID": experiment_id,
                "HPO_STUDY_ID": str(experiment.get("studyId", "")), "HPO_API_URL": api_url})
    if experiment.get("maxIteration") is not None:
        env["HPO_MAX_ITERATION"] = str(experiment["maxIteration"])
    if api.token:
        env["HPO_TOKEN"] = api.token  # so a script that reports over HTTP can authenticate
    try:
        child = subprocess.Popen(argv_for(command, parameters), env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True, bufsize=1, errors="replace")
    except OSError as e:
        api.fail(experiment_id, "cannot start %s: %s" % (command, e))
        return
    stopped = threading.Event()

    def stop():
        stopped.set()
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()

    heartbeat = Heartbeat(api, experiment_id, interval, lambda: threading.Thread(target=stop, daemon=True).start())
    heartbeat.start()
    tail = collections.deque(maxlen=tail_lines)
    for line in child.stdout:
        line = line.rstrip("\r\n")
        if line.startswith(SCALAR_PREFIX) and line[len(SCALAR_PREFIX):len(SCALAR_PREFIX) + 1].isspace():
            try:
                point = json.loads(line[len(SCALAR_PREFIX):])
            except ValueError:
                tail.append("ignored a malformed scalar line: " + line)
                continue
            if not stopped.is_set() and not api.scalars(experiment_id, [point]):
                threading.Thread(target=stop, daemon=True).start()
        else:
            print(line, flush=True)
            tail.append(line)
    code = child.wait()
    heartbeat.done.set()
    if stopped.is_set():
        print("experiment %s stopped by the service" % experiment_id, flush=True)
    elif code == 0:
        api.complete(experiment_id)
    else:
        api.fail(experiment_id, "process exited with code %d; last output:\n%s" % (code, "\n".join(tail)))


def run_toy(api, experiment, interval):
    experiment_id = experiment["id"]
    parameters = dict(train.DEFAULTS)
    parameters.update(experiment.get("parameters") or {})
    stopped = threading.Event()
    heartbeat = Heartbeat(api, experiment_id, interval, stopped.set)
    heartbeat.start()

    def report(iteration, value):
        point = {"title": train.TITLE, "series": train.SERIES, "iteration": iteration, "value": value}
        return not stopped.is_set() and api.scalars(experiment_id, [point])

    try:
        train.train(parameters, report, max_iteration=experiment.get("maxIteration"),
                    sleep=float(os.environ.get("HPO_EXAMPLE_SLEEP", "0.1")))
    except Exception as e:  # a bad parameter value is the experiment's failure, not the worker's
        heartbeat.done.set()
        api.fail(experiment_id, "%s: %s" % (type(e).__name__, e))
        return
    heartbeat.done.set()
    if not stopped.is_set():
        api.complete(experiment_id)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", default=os.environ.get("HPO_API_URL", "http://localhost:8080"),
                        help="the service's base URL (default: $HPO_API_URL or http://localhost:8080)")
    parser.add_argument("--token", default=os.environ.get("HPO_TOKEN"),
                        help="API token (worker role or above), sent as a bearer token (default: $HPO_TOKEN)")
    parser.add_argument("--queue", default="default")
    parser.add_argument("--worker-id", default="%s-%d" % (socket.gethostname(), os.getpid()))
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between leases when the queue is empty")
    parser.add_argument("--exit-when-idle", type=float, default=None,
                        help="exit after this many seconds without work (default: run forever)")
    parser.add_argument("--max-experiments", type=int, default=None)
    parser.add_argument("--retry-seconds", type=float, default=300.0,
                        help="how long to keep retrying while the service cannot be reached")
    parser.add_argument("--tail-lines", type=int, default=20, help="output lines kept for a failure message")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command to run per experiment")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    api = Api(args.api, args.worker_id, args.retry_seconds, args.token)
    done, idle_since = 0, time.monotonic()
    while args.max_experiments is None or done < args.max_experiments:
        experiment = api.lease(args.queue)
        if experiment is None:
            if args.exit_when_idle is not None and time.monotonic() - idle_since > args.exit_when_idle:
                break
            time.sleep(args.poll)
            continue
        interval = float(experiment.get("heartbeatIntervalSeconds") or 10)
        print("leased experiment %s: %s" % (experiment["id"], json.dumps(experiment.get("parameters"))), flush=True)
        if command:
            run_command(api, experiment, command, args.api, interval, args.tail_lines)
        else:
            run_toy(api, experiment, interval)
        done += 1
        idle_since = time.monotonic()
    return 0


if __name__ == "__main__":
    sys.exit(main())
