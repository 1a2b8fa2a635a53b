"""ClearML's HyperParameterOptimizer over the real service: every method, the callback, both backends."""
import datetime as dt
import threading
import unittest
import warnings

import support
from hpo_client import (ApiError, ClearmlJob, DiscreteParameterRange, GridSearch, HyperParameterOptimizer,
                        LogUniformParameterRange, OptimizerBOHB, OptimizerOptuna, RandomSearch, Task,
                        UniformIntegerParameterRange, UniformParameterRange)
from hpo_client.strategies import SearchStrategy


def space():
    return [UniformParameterRange("General/x", min_value=-1.0, max_value=1.0),
            LogUniformParameterRange("General/lr", min_value=-4, max_value=0),
            UniformIntegerParameterRange("General/layers", min_value=1, max_value=8)]


class OptimizerTest(support.ServiceTestCase):

    def optimizer(self, **kwargs):
        kwargs.setdefault("objective_metric_title", "validation")
        kwargs.setdefault("objective_metric_series", "loss")
        kwargs.setdefault("objective_metric_sign", "min")
        kwargs.setdefault("execution_queue", support.unique("q"))
        return HyperParameterOptimizer(base_task_id=kwargs.pop("base", None) or self.base().id,
                                       hyper_parameters=kwargs.pop("hyper_parameters", space()),
                                       client=self.client, **kwargs)

    def test_the_constructor_turns_clearmls_arguments_into_a_study(self):
        queue = support.unique("q")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            optimizer = self.optimizer(optimizer_class=OptimizerOptuna, max_number_of_concurrent_tasks=4,
                                       execution_queue=queue, optimization_time_limit=30.0, compute_time_limit=60.0,
                                       spawn_project="spawned", save_top_k_tasks_only=5, total_max_jobs=40,
                                       min_iteration_per_job=2, max_iteration_per_job=5, time_limit_per_job=3.0,
                                       pool_period_min=0.2, seed=11, optuna_sampler="ignored",
                                       auto_connect_task=False, always_create_task=True)
        self.assertTrue(any("optuna_sampler" in str(w.message) for w in caught))
        data = optimizer.study.data
        self.assertEqual(data["name"], "Optimizing: quadratic")
        self.assertEqual(data["strategy"]["name"], "tpe")
        self.assertEqual(data["strategy"]["seed"], 11)
        self.assertEqual(data["earlyStopping"]["rule"], "median")
        self.assertEqual(data["earlyStopping"]["settings"].get("warmupIterations"), 2)
        expected = {"maxConcurrentExperiments": 4, "executionQueue": queue, "optimizationTimeLimitMinutes": 30.0,
                    "computeTimeLimitMinutes": 60.0, "spawnProject": "spawned", "saveTopKOnly": 5,
                    "totalMaxJobs": 40, "minIterationPerJob": 2, "maxIterationPerJob": 5,
                    "timeLimitPerJobMinutes": 3.0, "backend": "queue", "status": "CREATED"}
        self.assertEqual({k: data[k] for k in expected}, expected)
        self.assertEqual([p["type"] for p in data["parameters"]], ["uniform", "log_uniform", "uniform_integer"])
        self.assertEqual(optimizer.id, optimizer.study.id)
        self.assertIn(optimizer.id, repr(optimizer))

    def test_each_strategy_name_picks_the_services_strategy(self):
        for strategy, name in ((GridSearch, "grid"), (RandomSearch, "random"), (OptimizerOptuna(), "tpe"),
                               ("cmaes", "cmaes")):
            with self.subTest(strategy=strategy):
                optimizer = self.optimizer(optimizer_class=strategy,
                                           hyper_parameters=[DiscreteParameterRange("General/layers", [1, 2, 3]),
                                                             UniformParameterRange("General/x", 0, 1, step_size=0.5)])
                self.assertEqual(optimizer.study.data["strategy"]["name"], name)
                self.assertIsInstance(optimizer.get_optimizer(), SearchStrategy)
                self.assertEqual(optimizer.get_optimizer().info["strategy"], name)
        bohb = self.optimizer(optimizer_class=OptimizerBOHB(eta=3), min_iteration_per_job=1, max_iteration_per_job=9,
                              total_max_jobs=20)
        self.assertEqual(bohb.study.data["strategy"], dict(bohb.study.data["strategy"], name="bohb",
                                                           settings={"eta": 3}))
        self.assertIsNone(bohb.study.data["earlyStopping"])
        with self.assertRaises(ApiError):  # bohb needs its budgets, as in ClearML
            self.optimizer(optimizer_class=OptimizerBOHB)

    def test_objectives_are_strings_or_lists_of_one_length(self):
        several = self.optimizer(objective_metric_title=["validation", "validation"],
                                 objective_metric_series=["loss", "accuracy"], objective_metric_sign=["min", "max"],
                                 optimizer_class=OptimizerOptuna)
        self.assertEqual([o["sign"] for o in several.study.objectives], ["min", "max"])
        with self.assertRaises(TypeError):
            self.optimizer(objective_metric_title=["validation"], objective_metric_series="loss")
        with self.assertRaises(ValueError):
            self.optimizer(objective_metric_title=["a", "b"], objective_metric_series=["c"],
                           objective_metric_sign=["min"])
        with self.assertRaises(ApiError):
            self.optimizer(base="00000000-0000-0000-0000-000000000000")
        with self.assertRaises(ValueError):
            HyperParameterOptimizer(None, space(), "validation", "loss", client=self.client)

    def test_before_start_it_is_active_but_not_running_and_wait_returns_at_once(self):
        optimizer = self.optimizer()
        self.assertTrue(optimizer.is_active())
        self.assertFalse(optimizer.is_running())
        self.assertEqual(optimizer.elapsed(), -1.0)
        self.assertIsNone(optimizer.get_time_limit())
        self.assertFalse(optimizer.reached_time_limit())
        self.assertEqual(optimizer.get_num_active_experiments(), 0)
        self.assertEqual(optimizer.get_active_experiments(), [])
        self.assertTrue(optimizer.wait())
        optimizer.set_time_limit(in_minutes=10)
        optimizer.set_report_period(0.5)
        self.assertEqual(optimizer.study.refresh().data["reportPeriodMinutes"], 0.5)
        with self.assertRaises(ValueError):
            optimizer.set_time_limit()

    def test_a_study_runs_with_an_agent_and_the_callback_fires_once_per_experiment(self):
        queue = support.unique("q")
        optimizer = self.optimizer(optimizer_class=RandomSearch, execution_queue=queue,
                                   max_number_of_concurrent_tasks=2, total_max_jobs=6, callback_poll_seconds=0.3)
        calls = []
        lock = threading.Lock()

        def job_complete_callback(job_id, objective_value, objective_iteration, job_parameters,
                                  top_performance_job_id):
            with lock:
                calls.append((job_id, objective_value, objective_iteration, job_parameters, top_performance_job_id))

        self.assertTrue(optimizer.start(job_complete_callback=job_complete_callback))
        self.assertTrue(optimizer.start())  # already started
        self.assertTrue(optimizer.is_active())
        agent = support.AgentProcess(queue, ["python3", support.QUADRATIC], "--concurrency", "2",
                                     "--exit-when-idle", "3")
        try:
            support.eventually(lambda: optimizer.get_num_active_experiments() > 0, message="experiments queued")
            self.assertTrue(all(e.status in ("QUEUED", "RUNNING") for e in optimizer.get_active_experiments()))
            self.assertTrue(optimizer.wait(timeout=3))
            self.assertEqual(agent.wait(), 0, agent.output())
        finally:
            agent.close()
        self.assertFalse(optimizer.is_active())
        self.assertFalse(optimizer.is_running())
        self.assertGreater(optimizer.elapsed(), 0)
        self.assertEqual(optimizer.get_num_active_experiments(), 0)

        self.assertEqual(len(calls), 6)
        self.assertEqual(len({c[0] for c in calls}), 6)
        top = optimizer.get_top_experiments(3)
        self.assertEqual(len(top), 3)
        values = [t.objective_values[0] for t in top]
        self.assertEqual(values, sorted(values))
        self.assertEqual(optimizer.get_top_experiments_id(3), [t.id for t in top])
        for job_id, value, iteration, parameters, best in calls:
            self.assertIsInstance(value, list)
            self.assertEqual(iteration, [2])  # three epochs: 0, 1, 2
            self.assertEqual(parameters["status"], "COMPLETED")
            self.assertIn("General/x", parameters)
        self.assertEqual(calls[-1][4], top[0].id)

        details = optimizer.get_top_experiments_details(2)
        self.assertEqual([d["task_id"] for d in details], [t.id for t in top[:2]])
        self.assertEqual(set(details[0]["hyper_parameters"]), {"General/x", "General/lr", "General/layers"})
        self.assertEqual(list(details[0]["metrics"]), ["validation/loss"])
        metric = details[0]["metrics"]["validation/loss"]
        self.assertEqual((metric["metric"], metric["variant"], metric["value"]), ("validation", "loss", values[0]))
        everything = optimizer.get_top_experiments_details(1, all_metrics=True, all_hyper_parameters=True,
                                                           only_completed=True)
        self.assertIn("General/epochs", everything[0]["hyper_parameters"])

        by_metric = HyperParameterOptimizer.get_optimizer_top_experiments(
            "validation", "loss", "max_global", optimizer.id, 2, client=self.client)
        self.assertEqual(len(by_metric), 2)
        self.assertGreaterEqual(by_metric[0].objective_values[0], by_metric[1].objective_values[0])

        attached = HyperParameterOptimizer.from_study(optimizer.id, client=self.client)
        self.assertEqual(attached.get_top_experiments_id(3), optimizer.get_top_experiments_id(3))
        self.assertIsInstance(attached.get_optimizer(), RandomSearch)
        optimizer.stop()  # after the end: nothing to stop, no error
        self.assertEqual(len(calls), 6)

    def test_stop_ends_a_running_study_and_its_time_limit_is_reported(self):
        optimizer = self.optimizer(total_max_jobs=10)
        optimizer.start()
        optimizer.set_time_limit(specific_time=dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=10))
        limit = optimizer.get_time_limit()
        self.assertIsInstance(limit, dt.datetime)
        self.assertGreater(limit, dt.datetime.now(dt.timezone.utc))
        self.assertFalse(optimizer.reached_time_limit())
        support.eventually(optimizer.is_running, message="a replica drives the study")
        self.assertFalse(optimizer.wait(timeout=0.02))
        optimizer.stop(timeout=0.5)
        self.assertEqual(optimizer.study.refresh().status, "STOPPED")
        self.assertFalse(optimizer.is_active())

    def test_start_locally_runs_the_base_command_on_the_process_backend_and_report_works_there(self):
        base = self.base(name="local", command=["python3", support.QUADRATIC],
                         environment={"PYTHONPATH": support.CLIENT_ROOT, "QUADRATIC_SLEEP": "0"})
        optimizer = self.optimizer(base=base.id, total_max_jobs=3, max_number_of_concurrent_tasks=3)
        fired = []
        self.assertTrue(optimizer.start_locally(job_complete_callback=lambda *args: fired.append(args)))
        self.assertEqual(optimizer.study.refresh().data["backend"], "process")
        self.assertTrue(optimizer.wait(timeout=2))
        top = optimizer.get_top_experiments(3)
        self.assertEqual(len(top), 3)  # each reported its loss with hpo_client.report under the process backend
        self.assertEqual(len(fired), 3)
        self.assertIn("final loss", top[0].output())

    def test_clearmls_task_calls_find_the_template_and_change_nothing(self):
        project = support.unique("project")
        older = self.base(name="template", project=project)
        newer = self.base(name="template", project=project)
        self.assertEqual(Task.get_task(project_name=project, task_name="template", client=self.client).id, newer.id)
        self.assertEqual(Task.get_task(task_id=older.id, client=self.client).id, older.id)
        with self.assertRaises(ValueError):
            Task.get_task(project_name=project, task_name="missing", client=self.client)
        task = Task.init(project_name=project, task_name="controller", task_type="optimizer")
        args = {"template_task_id": older.id}
        self.assertIs(task.connect(args), args)
        self.assertIsNone(task.execute_remotely(queue_name="services"))

    def test_the_default_job_class_chooses_the_backend(self):
        optimizer = self.optimizer(base=self.base(command=["python3", support.QUADRATIC]).id)
        optimizer.set_default_job_class("process")
        self.assertEqual(optimizer.study.data["backend"], "process")
        optimizer.set_default_job_class(ClearmlJob)
        self.assertEqual(optimizer.study.data["backend"], "queue")


if __name__ == "__main__":
    unittest.main()
