#!/usr/bin/env python3
"""A toy "training" script for the HPO service, standard library only.

It reads its parameters, "trains" for some epochs and reports a validation loss after each one.

Parameters, later sources winning:
  1. the defaults below,
  2. the JSON object in the environment variable HPO_PARAMETERS,
  3. command-line arguments --name=value (names may hold slashes: --General/lr=0.1; a value is read as JSON
     when it parses as JSON, else taken as a string).

The loss is a noisy learning curve whose floor is a quadratic bowl in log10(lr) and momentum, lowest at
lr=0.05, momentum=0.9 (floor 0.1). It runs General/epochs epochs, fewer when HPO_MAX_ITERATION is set.

Reporting (HPO_REPORT):
  stdout (default)  print one line per point:  hpo:scalar {"title": "validation", "series": "loss", ...}
                    The process backend reads these lines; so does hpo-agent (clients/python).
  http              POST the point to $HPO_API_URL/api/v1/experiments/$HPO_EXPERIMENT_ID/scalars and stop
                    when the service answers {"action": "stop"}, sending $HPO_TOKEN as a bearer token (the
                    process backend and hpo-agent set it).
HPO_EXAMPLE_SLEEP: seconds to sleep per epoch (default 0.1), so a study takes a moment.
"""
import json
import math
import os
import random
import sys
import time
import urllib.error
import urllib.request
import zlib

DEFAULTS = {"General/lr": 0.1, "General/momentum": 0.5, "General/epochs": 10}
TITLE, SERIES = "validation", "loss"


def parse_value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text


def read_parameters(argv, environ):
    parameters = dict(DEFAULTS)
    if environ.get("HPO_PARAMETERS"):
        parameters.update(json.loads(environ["HPO_PARAMETERS"]))
    for arg in argv:
        if arg.startswith("--") and "=" in arg:
            name, value = arg[2:].split("=", 1)
            parameters[name] = parse_value(value)
    return parameters


def floor_loss(lr, momentum):
    """Where the learning curve ends: a bowl in log10(lr) and momentum."""
    return 0.1 + 0.5 * math.log10(lr / 0.05) ** 2 + (momentum - 0.9) ** 2


def train(parameters, report, max_iteration=None, sleep=0.1):
    """Runs the toy model; report(iteration, loss) returns False to stop early. Returns the last loss."""
    lr = float(parameters["General/lr"])
    momentum = float(parameters["General/momentum"])
    if lr <= 0:
        raise ValueError("General/lr must be positive, got %r" % lr)
    epochs = int(parameters["General/epochs"])
    if max_iteration is not None:
        epochs = min(epochs, int(max_iteration))
    # the same parameters give the same noise, so reruns agree
    rng = random.Random(zlib.crc32(json.dumps(parameters, sort_keys=True).encode()))
    floor = floor_loss(lr, momentum)
    loss = None
    for epoch in range(epochs):
        time.sleep(sleep)
        loss = floor + (2.5 - floor) * math.exp(-0.6 * (epoch + 1)) + rng.gauss(0, 0.005)
        print("epoch %d: validation loss %.4f" % (epoch, loss), flush=True)
        if not report(epoch, loss):
            print("stopped by the service after epoch %d" % epoch, flush=True)
            break
    return loss


def stdout_reporter(iteration, value):
    point = {"title": TITLE, "series": SERIES, "iteration": iteration, "value": value}
    print("hpo:scalar " + json.dumps(point), flush=True)
    return True


def http_reporter(api_url, experiment_id):
    url = "%s/api/v1/experiments/%s/scalars" % (api_url.rstrip("/"), experiment_id)

    def report(iteration, value):
        body = json.dumps([{"title": TITLE, "series": SERIES, "iteration": iteration, "value": value}]).encode()
        headers = {"Content-Type": "application/json"}
        if os.environ.get("HPO_TOKEN"):
            headers["Authorization"] = "Bearer " + os.environ["HPO_TOKEN"]
        request = urllib.request.Request(url, data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as e:
            if e.code == 409:  # the experiment already ended: nothing more to do
                return False
            raise
        return answer.get("action", "continue") != "stop"

    return report


def main(argv, environ):
    parameters = read_parameters(argv, environ)
    print("parameters: " + json.dumps(parameters, sort_keys=True), flush=True)
    mode = environ.get("HPO_REPORT", "stdout")
    if mode == "http":
        if not environ.get("HPO_API_URL") or not environ.get("HPO_EXPERIMENT_ID"):
            print("HPO_REPORT=http needs HPO_API_URL and HPO_EXPERIMENT_ID", file=sys.stderr)
            return 2
        report = http_reporter(environ["HPO_API_URL"], environ["HPO_EXPERIMENT_ID"])
    elif mode == "stdout":
        report = stdout_reporter
    else:
        print("HPO_REPORT must be stdout or http, got %r" % mode, file=sys.stderr)
        return 2
    max_iteration = environ.get("HPO_MAX_ITERATION")
    loss = train(parameters, report, max_iteration=int(max_iteration) if max_iteration else None,
                 sleep=float(environ.get("HPO_EXAMPLE_SLEEP", "0.1")))
    print("final validation loss %s" % ("%.4f" % loss if loss is not None else "none"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], os.environ))
