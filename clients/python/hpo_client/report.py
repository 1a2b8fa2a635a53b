"""The in-training helpers: :func:`report` and :func:`parameters`.

    from hpo_client import report, parameters
    lr = parameters().get("General/lr", 0.1)
    report("validation", "loss", loss, iteration)

:func:`report` prints one ``hpo:scalar {json}`` line on stdout and flushes it. Both runners read that line: the
service's ``process`` backend and ``hpo-agent``, which forward it as a scalar point; outside either it is a
harmless line of output. A reported point is stored once per title, series and iteration.
"""
import json
import math
import os
import sys
import threading
from typing import Any, Dict, Optional, TextIO

PREFIX = "hpo:scalar"

_lock = threading.Lock()


def scalar_line(title: str, series: str, value: float, iteration: int) -> str:
    """The ``hpo:scalar`` line for one point (without the newline).

    Raises:
        ValueError: for a blank title or series, a negative iteration, or a value that is not finite.
    """
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title must be a non-blank string")
    if not isinstance(series, str) or not series.strip():
        raise ValueError("series must be a non-blank string")
    if isinstance(iteration, bool) or int(iteration) != iteration or iteration < 0:
        raise ValueError("iteration must be a non-negative integer, got %r" % (iteration,))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("value must be finite, got %r" % (value,))
    point = {"title": title, "series": series, "iteration": int(iteration), "value": number}
    return PREFIX + " " + json.dumps(point)


def report(title: str, series: str, value: float, iteration: int, stream: Optional[TextIO] = None) -> None:
    """Reports one metric point of the running experiment (see the module's description)."""
    line = scalar_line(title, series, value, iteration)
    out = stream if stream is not None else sys.stdout
    with _lock:  # one whole line even when several threads report
        out.write(line + "\n")
        out.flush()


def parse_scalar_line(line: str) -> Optional[Dict[str, Any]]:
    """The point of an ``hpo:scalar`` line, None for any other line.

    Raises:
        ValueError: for a line that starts with ``hpo:scalar`` but is malformed.
    """
    if not line.startswith(PREFIX) or (len(line) > len(PREFIX) and not line[len(PREFIX)].isspace()):
        return None
    body = line[len(PREFIX):].strip()
    try:
        point = json.loads(body)
    except ValueError:
        raise ValueError("not a JSON object after %s" % PREFIX) from None
    if not isinstance(point, dict):
        raise ValueError("not a JSON object after %s" % PREFIX)
    scalar_line(point.get("title"), point.get("series"), point.get("value", float("nan")),  # type: ignore[arg-type]
                point.get("iteration", -1))
    return {"title": point["title"], "series": point["series"], "iteration": int(point["iteration"]),
            "value": float(point["value"])}


def parameters(argv: Optional[list] = None, environ: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    """The experiment's parameters: ``$HPO_PARAMETERS`` (JSON), overridden by ``--name=value`` arguments (a value
    is read as JSON when it parses, else kept as a string). Both runners pass both."""
    environ = os.environ if environ is None else environ
    argv = sys.argv[1:] if argv is None else argv
    values: Dict[str, Any] = {}
    if environ.get("HPO_PARAMETERS"):
        values.update(json.loads(environ["HPO_PARAMETERS"]))
    for arg in argv:
        if arg.startswith("--") and "=" in arg:
            name, text = arg[2:].split("=", 1)
            try:
                values[name] = json.loads(text)
            except ValueError:
                values[name] = text
    return values
