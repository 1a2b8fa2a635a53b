"""The Pythonic client against the real service: every public method, errors as exceptions, retries, the token."""
import datetime as dt
import http.server
import json
import os
import socket
import threading
import time
import unittest
from unittest import mock

import support
from hpo_client import (ApiError, BadRequest, Client, Conflict, NotFound, ServiceUnreachable, UniformParameterRange,
                        Unprocessable)


class ClientTest(support.ServiceTestCase):

    def test_base_experiments_are_created_read_and_listed(self):
        base = self.base(name="listed", command=["python3", "train.py"], environment={"A": "1"},
                         working_directory="/tmp")
        self.assertEqual(base.name, "listed")
        self.assertEqual(base.command, ["python3", "train.py"])
        again = self.client.base_experiment(base.id)
        self.assertEqual(again.parameters["General/lr"], 0.1)
        self.assertIn(base.id, [b.id for b in self.client.base_experiments()])
        self.assertIn(base.id, repr(base))

    def test_studies_are_created_read_and_listed(self):
        study = self.quadratic_study(total_max_jobs=3, max_concurrent_experiments=2)
        self.assertEqual(study.status, "CREATED")
        self.assertEqual(study.data["totalMaxJobs"], 3)
        self.assertEqual(study.data["maxConcurrentExperiments"], 2)
        self.assertEqual(self.client.study(study.id).name, study.name)
        self.assertIn(study.id, [s.id for s in self.client.studies(status="CREATED")])
        self.assertNotIn(study.id, [s.id for s in self.client.studies(status="RUNNING")])
        self.assertEqual(study.objectives, [{"title": "validation", "series": "loss", "sign": "min"}])
        self.assertEqual(study.refresh().status, "CREATED")

    def test_a_study_takes_the_services_json_too(self):
        base = self.base()
        study = self.client.create_study_from_json({
            "name": support.unique("json"), "baseExperimentId": base.id,
            "parameters": [{"type": "uniform", "name": "General/x", "min": 0, "max": 1}],
            "objectives": [{"title": "validation", "series": "loss", "sign": "max"}]})
        self.assertEqual(study.objectives[0]["sign"], "max")

    def test_the_catalogues_list_strategies_and_rules(self):
        names = [s["name"] for s in self.client.strategies()]
        for name in ("grid", "random", "tpe", "bohb"):
            self.assertIn(name, names)
        self.assertIn("median", [r["name"] for r in self.client.early_stopping_rules()])

    def test_a_lease_waits_for_the_next_experiment(self):
        study = self.quadratic_study(total_max_jobs=1, max_concurrent_experiments=1)
        worker = support.unique("worker")
        asked = time.monotonic()
        self.assertIsNone(self.client.lease(study.queue, worker, wait=1))  # not started: nothing comes
        self.assertGreaterEqual(time.monotonic() - asked, 0.9)
        threading.Timer(0.5, study.start).start()
        asked = time.monotonic()
        leased = self.client.lease(study.queue, worker, wait=30)
        self.assertIsNotNone(leased)
        self.assertEqual(leased["studyId"], study.id)
        self.assertLess(time.monotonic() - asked, 20)  # as soon as the loop queued it, not after the wait
        self.assertEqual(self.client.complete(leased["id"])["status"], "COMPLETED")

    def test_a_study_runs_through_the_worker_protocol_and_ranks_its_experiments(self):
        study = self.quadratic_study(total_max_jobs=3, max_concurrent_experiments=3)
        study.set_report_period(0.5)
        study.set_time_limit(in_minutes=30)
        self.assertEqual(study.data["reportPeriodMinutes"], 0.5)
        study.start()
        self.assertEqual(study.status, "RUNNING")
        worker = support.unique("worker")
        leased = support.eventually(lambda: self.client.lease(study.queue, worker), message="a lease")
        self.assertEqual(leased["studyId"], study.id)
        self.assertFalse(self.client.heartbeat(leased["id"], worker).stop)
        for step, value in enumerate([0.9, 0.5, 0.2]):
            self.assertFalse(self.client.report_scalars(
                leased["id"], [{"title": "validation", "series": "loss", "iteration": step, "value": value},
                               {"title": "train", "series": "loss", "iteration": step, "value": value * 2}]).stop)
        self.assertEqual(self.client.complete(leased["id"])["status"], "COMPLETED")
        # a late call answers stop instead of raising
        self.assertTrue(self.client.heartbeat(leased["id"], worker).stop)

        second = support.eventually(lambda: self.client.lease(study.queue, worker))
        self.client.report_scalars(second["id"], [{"title": "validation", "series": "loss", "iteration": 0,
                                                   "value": 0.1}])
        self.assertEqual(self.client.fail(second["id"], "x" * 20000)["status"], "FAILED")
        failed = self.client.experiment(second["id"])
        self.assertEqual(failed.status, "FAILED")
        self.assertLessEqual(len(failed.failure_message), 10000)

        active = study.experiments(active=True)
        self.assertTrue(all(e.status in ("QUEUED", "RUNNING") for e in active))
        self.assertGreaterEqual(len(study.experiments()), 2)
        top = study.top(3)
        self.assertEqual([e.id for e in top], [leased["id"]])  # failed experiments are never ranked
        self.assertEqual(top[0].objective_values, [0.2])
        self.assertEqual(top[0].iteration, 2)
        by_train = study.top_by_metric("train", "loss", "max_global", 3)
        self.assertEqual(by_train[0].objective_values, [1.8])
        self.assertEqual([e.id for e in study.pareto_front()], [leased["id"]])
        self.assertEqual(study.optimizer()["strategy"], "random")
        progress = study.progress()
        self.assertTrue(progress["active"])
        self.assertEqual(progress["completed"], 1)
        self.assertEqual(progress["failed"], 1)

        done = self.client.experiment(leased["id"])
        self.assertEqual(done.metric("validation", "loss")["lastValue"], 0.2)
        self.assertIsNone(done.metric("validation", "accuracy"))
        self.assertEqual(len(done.scalars), 6)
        self.assertEqual(done.get_last_scalar_metrics()["train"]["loss"], {"last": 0.4, "min": 0.4, "max": 1.8})
        self.assertEqual(done.get_parameters(), done.parameters)
        self.assertEqual(done.get_status(), "COMPLETED")
        self.assertEqual(done.output(), "")
        # a listed experiment loads its details when asked for them
        listed = [e for e in study.experiments() if e.id == leased["id"]][0]
        self.assertEqual(len(listed.metrics), 2)

        study.stop(timeout_minutes=0.5, wait_for_reporter=True)
        self.assertTrue(study.wait(0.5))
        self.assertIn(study.refresh().status, ("STOPPED", "COMPLETED"))
        self.assertIsNotNone(study.report())

    def test_aborting_an_experiment_tells_its_worker_to_stop(self):
        study = self.quadratic_study(total_max_jobs=2)
        study.start()
        worker = support.unique("worker")
        leased = support.eventually(lambda: self.client.lease(study.queue, worker))
        experiment = self.client.experiment(leased["id"])
        self.assertEqual(experiment.abort().status, "ABORTED")
        self.assertEqual(experiment.stop_reason, "stopped_by_user")
        action = self.client.heartbeat(leased["id"], worker)
        self.assertTrue(action.stop)
        self.assertEqual(action.reason, "stopped_by_user")
        study.stop()

    def test_time_limits_take_minutes_or_a_time_and_status_tells_them(self):
        study = self.quadratic_study()
        when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2)
        study.set_time_limit(specific_time=when)
        study.start()
        limit = support.client().study(study.id).progress()["timeLimit"]
        from hpo_client.client import parse_time
        self.assertLess(abs((parse_time(limit) - when).total_seconds()), 1)
        with self.assertRaises(ValueError):
            study.set_time_limit()
        study.stop()

    def test_a_study_starts_with_a_callback_url(self):
        study = self.quadratic_study().start(callback_url="http://127.0.0.1:9/job-complete")
        self.assertEqual(study.data["jobCompleteCallbackUrl"], "http://127.0.0.1:9/job-complete")
        self.assertEqual(study.status, "RUNNING")
        study.stop()

    def test_the_backend_is_chosen_before_start(self):
        study = self.quadratic_study()
        queue = support.unique("other")
        self.assertEqual(study.set_backend("queue", queue).queue, queue)
        study.start()
        with self.assertRaises(Conflict) as caught:
            study.set_backend("queue")
        self.assertEqual(caught.exception.current_status, "RUNNING")
        study.stop()


class ErrorsTest(support.ServiceTestCase):

    def test_malformed_input_is_a_bad_request_naming_the_field(self):
        with self.assertRaises(BadRequest) as caught:
            self.quadratic_study(total_max_jobs=0)
        error = caught.exception
        self.assertEqual(error.status, 400)
        self.assertIn("totalMaxJobs", error.fields)
        self.assertEqual(error.problem["status"], 400)
        self.assertIn("totalMaxJobs", str(error))

    def test_an_unknown_id_is_not_found(self):
        with self.assertRaises(NotFound) as caught:
            self.client.study("00000000-0000-0000-0000-000000000000")
        self.assertEqual(caught.exception.status, 404)
        self.assertIsInstance(caught.exception, ApiError)
        self.assertTrue(caught.exception.detail)

    def test_an_illegal_transition_is_a_conflict_with_the_current_status(self):
        study = self.quadratic_study()
        study.start()
        with self.assertRaises(Conflict) as caught:
            study.start()
        self.assertEqual(caught.exception.current_status, "RUNNING")
        study.stop()

    def test_an_unusable_space_is_unprocessable(self):
        with self.assertRaises(Unprocessable) as caught:
            self.client.create_study("bad", self.base(), parameters=[UniformParameterRange("x", 1, 0)],
                                     objective=("validation", "loss"))
        self.assertEqual(caught.exception.status, 422)
        self.assertTrue(caught.exception.errors)

    def test_a_study_without_an_objective_is_refused_before_any_call(self):
        with self.assertRaises(ValueError):
            self.client.create_study("bad", self.base(), parameters=[UniformParameterRange("x", 0, 1)])


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A stand-in service on 127.0.0.1 that records requests and answers from a script of statuses."""

    statuses = []
    seen = []
    delay = 0.0

    def do_GET(self):  # noqa: N802
        type(self).seen.append(dict(self.headers))
        if type(self).delay:
            time.sleep(type(self).delay)
        status = type(self).statuses.pop(0) if type(self).statuses else 200
        body = json.dumps({"items": [], "totalPages": 0} if status == 200 else
                          {"status": status, "title": "Service Unavailable"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if status == 200 else "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class TransportTest(unittest.TestCase):

    def setUp(self):
        _Recorder.statuses, _Recorder.seen, _Recorder.delay = [], [], 0.0
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def test_every_call_sends_the_token_as_a_bearer_header(self):
        Client(self.url, "secret-token").request("GET", "/studies")
        self.assertEqual(_Recorder.seen[0]["Authorization"], "Bearer secret-token")

    def test_the_token_defaults_to_hpo_token(self):
        with mock.patch.dict(os.environ, {"HPO_TOKEN": "from-env", "HPO_URL": self.url}):
            client = Client()
            client.request("GET", "/studies")
        self.assertEqual(client.url, self.url)
        self.assertEqual(_Recorder.seen[0]["Authorization"], "Bearer from-env")

    def test_a_503_is_retried_with_back_off(self):
        _Recorder.statuses = [503, 503]
        client = Client(self.url, "t", retry_seconds=10, log=open(os.devnull, "w"))
        self.assertEqual(client.request("GET", "/studies")["items"], [])
        self.assertEqual(len(_Recorder.seen), 3)
        self.assertEqual(client.transport.retried, 2)

    def test_a_service_away_for_the_whole_window_is_unreachable(self):
        _Recorder.statuses = [503] * 100
        with self.assertRaises(ServiceUnreachable):
            Client(self.url, "t", retry_seconds=0.5, log=None).request("GET", "/studies")

    def test_a_refused_connection_is_retried_then_unreachable(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        started = time.monotonic()
        with self.assertRaises(ServiceUnreachable) as caught:
            Client("http://127.0.0.1:%d" % port, "t", retry_seconds=0.6, log=None).request("GET", "/studies")
        self.assertIsInstance(caught.exception, ConnectionError)
        self.assertGreater(time.monotonic() - started, 0.2)  # it did wait and retry

    def test_a_slow_answer_times_out(self):
        _Recorder.delay = 2.0
        with self.assertRaises(ServiceUnreachable):
            Client(self.url, "t", timeout=0.3, retry_seconds=0, log=None).request("GET", "/studies")


if __name__ == "__main__":
    unittest.main()
