"""The ClearML-style example (examples/clearml_style.py) finds the optimum of its known function with two agents."""
import math
import subprocess
import sys
import unittest

import support


class ClearmlStyleExampleTest(support.ServiceTestCase):

    def test_the_clearml_script_finds_the_optimum_with_two_agents(self):
        queue = support.unique("clearml")
        base = self.base(name="quadratic", parameters={"General/epochs": 5})
        env = support.child_env(QUADRATIC_SLEEP="0.02")
        agents = [support.AgentProcess(queue, [sys.executable, support.QUADRATIC], "--concurrency", "2",
                                       "--exit-when-idle", "5", env=env) for _ in range(2)]
        try:
            script = subprocess.run([sys.executable, support.EXAMPLES + "/clearml_style.py", base.id, queue],
                                    env=env, capture_output=True, text=True, timeout=300)
            for agent in agents:
                self.assertEqual(agent.wait(120), 0, agent.output())
        finally:
            for agent in agents:
                agent.close()
        output = script.stdout + script.stderr
        self.assertEqual(script.returncode, 0, output)
        self.assertEqual(output.count("Job completed!"), 40, output)
        study = [s for s in self.client.studies() if s.data["executionQueue"] == queue][0]
        self.assertEqual(study.status, "COMPLETED")
        self.assertEqual(study.data["strategy"]["name"], "tpe")
        self.assertEqual(len(study.experiments()), 40)
        best = study.top(3)
        self.assertEqual(len(best), 3)
        self.assertIn("top 3:", output)
        for experiment in best:
            self.assertIn(experiment.id, output)
        # The optimum is 0 at x = 0.3, lr = 0.01, layers = 5 (a layer off costs 0.05); the template's defaults give
        # 0.79. This checks that the search works end to end, not how well (bench/ measures that): with two agents
        # the order of results, so the outcome, differs from run to run, and even random search's best of 40 is
        # below 0.4 in 99.9 % of runs (below 0.1 in only 54 %, a bound this test once used and missed at 0.118).
        value = best[0].objective_values[0]
        parameters = best[0].parameters
        self.assertLess(value, 0.4, best)
        self.assertLessEqual(abs(parameters["General/layers"] - 5), 2, best)
        self.assertLess(abs(parameters["General/x"] - 0.3), 0.64, best)
        self.assertLess(abs(math.log10(parameters["General/lr"]) + 2), 1.27, best)
        # each agent did part of the work
        workers = {e.data.get("workerId", "").rsplit("/", 1)[0] for e in study.experiments()}
        self.assertEqual(len(workers), 2, workers)


if __name__ == "__main__":
    unittest.main()
