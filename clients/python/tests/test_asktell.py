"""Ask/tell against the real service: trials leased from the study's queue, reported, stopped and told."""
import time
import unittest

import support


class AskTellTest(support.ServiceTestCase):

    def test_a_trial_is_asked_reported_and_told(self):
        study = self.quadratic_study(total_max_jobs=2).start()
        trial = study.ask(timeout=30)
        self.assertIsNotNone(trial)
        self.assertEqual(trial.study_id, study.id)
        self.assertEqual(set(trial.params), {"General/x", "General/lr", "General/layers", "General/epochs"})
        self.assertEqual(trial.parameters, trial.params)
        self.assertTrue(trial.report(0.9, 0))
        self.assertTrue(trial.report(0.5, 1))
        self.assertFalse(trial.should_stop())
        self.assertFalse(trial.should_prune())
        study.tell(trial, 0.25)
        experiment = self.client.experiment(trial.id)
        self.assertEqual(experiment.status, "COMPLETED")
        summary = experiment.metric("validation", "loss")
        self.assertEqual((summary["lastValue"], summary["lastIteration"]), (0.25, 2))
        study.tell(trial, 0.1)  # a second tell changes nothing
        self.assertEqual(self.client.experiment(trial.id).metric("validation", "loss")["count"], 3)
        study.stop()

    def test_a_stopped_trial_should_stop_and_tell_leaves_it_as_the_service_ended_it(self):
        study = self.quadratic_study(total_max_jobs=3).start()
        trial = study.ask(timeout=30)
        self.client.experiment(trial.id).abort()
        self.assertFalse(trial.report(0.5, 0))
        self.assertTrue(trial.should_stop())
        self.assertIsNotNone(trial.stop_reason)
        study.tell(trial, 0.4)
        self.assertEqual(self.client.experiment(trial.id).status, "ABORTED")
        self.assertFalse(trial.report(0.3, 1))  # no more calls once stopped
        study.stop()

    def test_a_trial_ended_by_the_service_before_its_tell_keeps_that_end(self):
        study = self.quadratic_study(total_max_jobs=3).start()
        trial = study.ask(timeout=30)
        self.client.experiment(trial.id).abort()
        study.tell(trial, 0.4)  # the value and the end in one call, refused: it was aborted
        experiment = self.client.experiment(trial.id)
        self.assertEqual(experiment.status, "ABORTED")
        self.assertIsNone(experiment.metric("validation", "loss"))
        self.assertTrue(trial.should_stop())
        self.assertTrue(trial.stop_reason.startswith("ended:"))
        study.stop()

    def test_the_heartbeat_keeps_a_trial_and_learns_of_a_stop(self):
        study = self.quadratic_study(total_max_jobs=2).start()
        trial = study.ask(timeout=30)
        # longer than the lease timeout (3 s in PythonClientIT): the heartbeat keeps it
        time.sleep(4)
        self.assertEqual(self.client.experiment(trial.id).status, "RUNNING")
        self.client.experiment(trial.id).abort()
        support.eventually(trial.should_stop, timeout=20, message="the heartbeat learns of the abort")
        study.stop()

    def test_a_failed_trial_is_told_as_failed(self):
        study = self.quadratic_study(total_max_jobs=2).start()
        trial = study.ask(timeout=30)
        study.tell(trial, state="fail", message="diverged")
        experiment = self.client.experiment(trial.id)
        self.assertEqual(experiment.status, "FAILED")
        self.assertIn("diverged", experiment.failure_message)
        with self.assertRaises(ValueError):
            study.ask(timeout=30).tell(state="paused")
        study.stop()

    def test_ask_answers_none_once_the_study_has_nothing_left(self):
        study = self.quadratic_study(total_max_jobs=1).start()
        trial = study.ask(timeout=30)
        study.tell(trial, 0.5)
        support.eventually(lambda: study.refresh().status == "COMPLETED", message="the study ends at its budget")
        self.assertIsNone(study.ask(timeout=1))

    def test_ask_answers_none_after_its_timeout(self):
        study = self.quadratic_study(total_max_jobs=1)  # never started: nothing is queued
        self.assertIsNone(study.ask(timeout=0.5, poll=0.1))


if __name__ == "__main__":
    unittest.main()
