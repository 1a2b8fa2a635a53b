"""What the suites share: the service under test (``HPO_URL``, ``HPO_TOKEN``), its restart hook
(``HPO_TEST_CONTROL_URL``, given by ``PythonClientIT``), small scripts, and agents as subprocesses.

Every suite talks to a real service; none is skipped when it is missing: a missing ``HPO_URL`` fails.
"""
import os
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
import urllib.request
import uuid
from typing import Any, Callable, Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_ROOT = os.path.dirname(HERE)
EXAMPLES = os.path.join(CLIENT_ROOT, "examples")
QUADRATIC = os.path.join(EXAMPLES, "quadratic.py")

sys.path.insert(0, CLIENT_ROOT)

from hpo_client import Client  # noqa: E402


def service_url() -> str:
    url = os.environ.get("HPO_URL")
    if not url:
        raise AssertionError("HPO_URL must name the service under test (PythonClientIT sets it)")
    return url


def client(**options: Any) -> Client:
    """A client of the service under test, with the suites' token."""
    options.setdefault("retry_seconds", 60)
    return Client(service_url(), os.environ.get("HPO_TOKEN"), **options)


def unique(prefix: str) -> str:
    """A name no other test uses (queues, studies)."""
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def restart_service() -> None:
    """Restarts the service on the same port and database; returns once it answers again."""
    control = os.environ.get("HPO_TEST_CONTROL_URL")
    if not control:
        raise AssertionError("HPO_TEST_CONTROL_URL must name the restart hook (PythonClientIT sets it)")
    request = urllib.request.Request(control + "/restart", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=300) as answer:
        assert answer.status == 200, answer.read()


def write_script(body: str) -> str:
    """A Python file with ``body`` (dedented), in a fresh temporary folder; returns its path."""
    folder = tempfile.mkdtemp(prefix="hpo-client-test-")
    path = os.path.join(folder, "script.py")
    with open(path, "w") as f:
        f.write(textwrap.dedent(body))
    return path


def child_env(**extra: str) -> Dict[str, str]:
    """The environment for scripts and agents: hpo_client importable, output unbuffered."""
    env = dict(os.environ)
    env["PYTHONPATH"] = CLIENT_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class AgentProcess:
    """``python -m hpo_client.agent`` as a subprocess, its output in a file."""

    def __init__(self, queue: str, command: List[str], *options: str, env: Optional[Dict[str, str]] = None,
                 api: Optional[str] = None) -> None:
        self.log_path = tempfile.mktemp(prefix="hpo-agent-", suffix=".log")
        self._log = open(self.log_path, "w")
        argv = [sys.executable, "-m", "hpo_client.agent", "--api", api or service_url(), "--queue", queue,
                "--poll", "0.2", "--kill-grace", "2", *options, "--", *command]
        self.process = subprocess.Popen(argv, stdout=self._log, stderr=subprocess.STDOUT, env=env or child_env())

    def output(self) -> str:
        if not self._log.closed:
            self._log.flush()
        with open(self.log_path) as f:
            return f.read()

    def wait(self, timeout: float = 120) -> int:
        return self.process.wait(timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._log.close()


def eventually(condition: Callable[[], Any], timeout: float = 60, interval: float = 0.2, message: str = "") -> Any:
    """Polls ``condition`` until it is truthy and returns it; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("not within %.0f s: %s" % (timeout, message or condition))
        time.sleep(interval)


class ServiceTestCase(unittest.TestCase):
    """A test case with a client and a helper for base experiments and quick studies."""

    client: Client

    @classmethod
    def setUpClass(cls) -> None:
        cls.client = client()

    def base(self, **fields: Any):
        fields.setdefault("project", "python-client-tests")
        fields.setdefault("parameters", {"General/x": 0.0, "General/lr": 0.1, "General/layers": 2,
                                         "General/epochs": 3})
        return self.client.create_base_experiment(fields.pop("name", "quadratic"), **fields)

    def quadratic_study(self, queue: Optional[str] = None, **options: Any):
        """A study over the quadratic example's space on its own queue."""
        from hpo_client import LogUniformParameterRange, UniformIntegerParameterRange, UniformParameterRange
        options.setdefault("strategy", "random")
        options.setdefault("seed", 7)
        return self.client.create_study(
            options.pop("name", unique("study")), self.base(),
            parameters=[UniformParameterRange("General/x", -1, 1), LogUniformParameterRange("General/lr", -4, 0),
                        UniformIntegerParameterRange("General/layers", 1, 8)],
            objective=("validation", "loss", "min"), queue=queue or unique("q"), **options)
