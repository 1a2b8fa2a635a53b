"""hpo-agent against the real service: parameters, reports, failures, stops, SIGTERM, idleness, restarts."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import unittest

import support

PARAMETER_ECHO = """
    import json, os, sys
    from hpo_client import parameters, report
    from_args = {a[2:].split("=", 1)[0]: json.loads(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--")}
    from_env = json.loads(os.environ["HPO_PARAMETERS"])
    report("args", "x", from_args["General/x"], 0)
    report("env", "x", from_env["General/x"], 0)
    report("helper", "layers", parameters()["General/layers"], 0)
    # a plain line in the agreed format works as well as the helper
    print('hpo:scalar {"title": "validation", "series": "loss", "iteration": 0, "value": %r}' % from_args["General/x"])
    print("hpo:scalar this one is malformed")
    print("experiment", os.environ["HPO_EXPERIMENT_ID"], "of study", os.environ["HPO_STUDY_ID"], "at",
          os.environ["HPO_API_URL"])
"""

FAILING = """
    import sys
    for i in range(30):
        print("line %d" % i)
    print("something went wrong", file=sys.stderr)
    sys.exit(3)
"""

LONG_RUNNING = """
    import os, sys, time
    from hpo_client import report
    with open(os.path.join(sys.argv[1], os.environ["HPO_EXPERIMENT_ID"]), "w") as f:
        f.write(str(os.getpid()))
    for step in range(600):
        report("validation", "loss", 1.0 / (step + 1), step)
        time.sleep(0.2)
"""

WITH_GRANDCHILD = """
    import os, subprocess, sys, time
    grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d %d" % (os.getpid(), grandchild.pid))
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    time.sleep(300)
"""


ABORTS_ITSELF = """
    import os
    from hpo_client import Client
    # the agent hands the script the service and its token; the experiment ends ABORTED before the exit code 0
    Client(os.environ["HPO_API_URL"], os.environ["HPO_TOKEN"]).experiment(os.environ["HPO_EXPERIMENT_ID"]).abort()
"""


def alive(pid: int) -> bool:
    """True while the process exists and is no zombie."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        # gone before the open, or between the open and the read (the kernel answers ESRCH then)
        return False


class AgentTest(support.ServiceTestCase):

    def metric(self, experiment, title, series):
        summary = experiment.metric(title, series)
        return None if summary is None else summary["lastValue"]

    def run_until_idle(self, queue, command, *options):
        """Runs an agent until it exits by itself, which it must do with 0; returns its output."""
        agent = support.AgentProcess(queue, command, *options)
        try:
            self.assertEqual(agent.wait(), 0, agent.output())
            return agent.output()
        finally:
            agent.close()

    def test_it_runs_a_study_passing_parameters_both_ways_and_forwarding_reports(self):
        study = self.quadratic_study(total_max_jobs=4, max_concurrent_experiments=2).start()
        output = self.run_until_idle(study.queue, [sys.executable, support.write_script(PARAMETER_ECHO)],
                                     "--concurrency", "2", "--exit-when-idle", "2")
        self.assertTrue(study.wait(0.5))
        self.assertEqual(study.refresh().status, "COMPLETED")
        experiments = [e.refresh() for e in study.experiments()]
        self.assertEqual([e.status for e in experiments], ["COMPLETED"] * 4)
        for experiment in experiments:
            x = experiment.parameters["General/x"]
            self.assertEqual(self.metric(experiment, "args", "x"), x)
            self.assertEqual(self.metric(experiment, "env", "x"), x)
            self.assertEqual(self.metric(experiment, "validation", "loss"), x)
            self.assertEqual(self.metric(experiment, "helper", "layers"), experiment.parameters["General/layers"])
        self.assertIn("malformed scalar line", output)
        self.assertIn("of study %s at %s" % (study.id, support.service_url()), output)
        self.assertIn("4 completed", output)
        workers = {e.data.get("workerId") for e in study.experiments()}
        self.assertEqual(len(workers), 2, workers)  # one worker id per slot

    def test_a_failing_command_fails_its_experiment_with_the_output_tail(self):
        study = self.quadratic_study(total_max_jobs=1).start()
        self.run_until_idle(study.queue, [sys.executable, support.write_script(FAILING)],
                            "--exit-when-idle", "1", "--tail-lines", "5")
        experiment = study.experiments()[0].refresh()
        self.assertEqual(experiment.status, "FAILED")
        self.assertIn("exit", experiment.failure_message)
        self.assertIn("code 3", experiment.failure_message)
        self.assertIn("something went wrong", experiment.failure_message)
        self.assertIn("line 29", experiment.failure_message)
        self.assertNotIn("line 20", experiment.failure_message)  # only the tail

    def test_an_experiment_the_service_ended_while_the_child_exited_is_left_as_it_is(self):
        study = self.quadratic_study(total_max_jobs=1).start()
        output = self.run_until_idle(study.queue, [sys.executable, support.write_script(ABORTS_ITSELF)],
                                     "--exit-when-idle", "1", "--token", os.environ.get("HPO_TOKEN") or "none")
        self.assertEqual(study.experiments()[0].status, "ABORTED")
        self.assertIn("1 stopped by the service", output)

    def test_a_command_that_cannot_start_fails_its_experiment(self):
        study = self.quadratic_study(total_max_jobs=1).start()
        self.run_until_idle(study.queue, ["/nonexistent/train"], "--exit-when-idle", "1")
        experiment = study.experiments()[0].refresh()
        self.assertEqual(experiment.status, "FAILED")
        self.assertIn("cannot start", experiment.failure_message)

    def test_a_stop_from_the_service_kills_the_child_and_the_agent_goes_on(self):
        folder = os.path.dirname(support.write_script(""))
        study = self.quadratic_study(total_max_jobs=2).start()
        agent = support.AgentProcess(study.queue, [sys.executable, support.write_script(LONG_RUNNING), folder],
                                     "--exit-when-idle", "2")
        try:
            for _ in range(2):
                running = support.eventually(
                    lambda: [e for e in study.experiments(active=True) if e.status == "RUNNING" and
                             os.path.exists(os.path.join(folder, e.id))], message="a running child")[0]
                with open(os.path.join(folder, running.id)) as f:
                    pid = int(f.read())
                self.assertTrue(alive(pid))
                running.abort()
                support.eventually(lambda: not alive(pid), timeout=30, message="the child is stopped")
            self.assertEqual(agent.wait(), 0, agent.output())
        finally:
            agent.close()
        self.assertEqual([e.status for e in study.experiments()], ["ABORTED", "ABORTED"])
        self.assertIn("stopped by the service (stopped_by_user)", agent.output())

    def test_sigterm_kills_the_childs_whole_process_tree(self):
        pids_file = support.write_script("") + ".pids"
        study = self.quadratic_study(total_max_jobs=1, max_retries_per_experiment=0).start()
        agent = support.AgentProcess(study.queue, [sys.executable, support.write_script(WITH_GRANDCHILD), pids_file])
        try:
            support.eventually(lambda: os.path.exists(pids_file), message="the child started its own child")
            with open(pids_file) as f:
                child, grandchild = (int(p) for p in f.read().split())
            self.assertTrue(alive(child) and alive(grandchild))
            agent.process.send_signal(signal.SIGTERM)
            self.assertEqual(agent.wait(60), 128 + signal.SIGTERM, agent.output())
        finally:
            agent.close()
        support.eventually(lambda: not alive(child) and not alive(grandchild), timeout=30,
                           message="child and grandchild are gone")
        # the agent reported nothing for the experiment: it ends only when the service finds its lease lost
        support.eventually(lambda: study.experiments()[0].status == "FAILED", timeout=60,
                           message="the lease runs out")
        experiment = study.experiments()[0].refresh()
        self.assertEqual(experiment.stop_reason, "worker_lost")
        self.assertNotIn("process exited", experiment.failure_message or "")

    def test_sigterm_ends_an_agent_that_waits_for_an_absent_service(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        agent = support.AgentProcess("q", [sys.executable, "-c", "pass"], api="http://127.0.0.1:%d" % port)
        try:
            support.eventually(lambda: "retrying" in agent.output(), message="the agent retries")
            agent.process.send_signal(signal.SIGTERM)
            self.assertEqual(agent.wait(60), 128 + signal.SIGTERM, agent.output())  # not after --retry-seconds
        finally:
            agent.close()

    def test_an_idle_agent_exits_when_asked_and_a_command_is_required(self):
        agent = support.AgentProcess(support.unique("empty"), [sys.executable, "-c", "pass"], "--exit-when-idle",
                                     "0.5")
        try:
            self.assertEqual(agent.wait(60), 0, agent.output())
        finally:
            agent.close()
        no_command = subprocess.run([sys.executable, "-m", "hpo_client.agent", "--queue", "x"],
                                    env=support.child_env(), capture_output=True, text=True, timeout=60)
        self.assertEqual(no_command.returncode, 2)
        self.assertIn("command", no_command.stderr)

    def test_it_survives_a_restart_of_the_service(self):
        study = self.quadratic_study(total_max_jobs=6, max_concurrent_experiments=1,
                                     max_retries_per_experiment=3).start()
        agent = support.AgentProcess(study.queue, [sys.executable, support.QUADRATIC], "--exit-when-idle", "5",
                                     env=support.child_env(QUADRATIC_SLEEP="0.4"))
        try:
            support.eventually(lambda: study.progress()["completed"] >= 1, timeout=60, message="a first experiment")
            support.restart_service()
            self.assertIsNone(agent.process.poll(), "the agent lives through the restart:\n" + agent.output())
            self.assertTrue(study.wait(3), "the study ends after the restart")
            self.assertEqual(agent.wait(120), 0, agent.output())
        finally:
            agent.close()
        self.assertEqual(study.refresh().status, "COMPLETED")
        self.assertEqual(sorted({e.status for e in study.experiments()}), ["COMPLETED"])
        self.assertEqual(len(study.experiments()), 6)
        self.assertIn("retrying", agent.output())


if __name__ == "__main__":
    unittest.main()
