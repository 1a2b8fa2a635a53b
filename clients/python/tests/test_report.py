"""The in-training helpers, the parameter classes and the strategy names (no service needed for these)."""
import io
import json
import unittest
import warnings

import support  # noqa: F401  (puts hpo_client on the path)
from hpo_client import (DiscreteParameterRange, GridSearch, LogUniformParameterRange, OptimizerBOHB, OptimizerOptuna,
                        ParameterSet, RandomSearch, UniformIntegerParameterRange, UniformParameterRange, parameters,
                        report)
from hpo_client.agent import argv_for
from hpo_client.report import parse_scalar_line, scalar_line
from hpo_client.strategies import resolve


class ReportTest(unittest.TestCase):

    def test_report_prints_one_flushed_scalar_line_the_process_backend_reads(self):
        out = io.StringIO()
        report("validation", "loss", 0.25, 3, stream=out)
        line = out.getvalue()
        self.assertTrue(line.endswith("\n"))
        self.assertTrue(line.startswith("hpo:scalar "))
        self.assertEqual(json.loads(line[len("hpo:scalar "):]),
                         {"title": "validation", "series": "loss", "iteration": 3, "value": 0.25})

    def test_a_line_reads_back_as_its_point(self):
        self.assertEqual(parse_scalar_line(scalar_line("a b", "c", 1, 0)),
                         {"title": "a b", "series": "c", "iteration": 0, "value": 1.0})

    def test_other_lines_are_not_points(self):
        self.assertIsNone(parse_scalar_line("epoch 3: loss 0.2"))
        self.assertIsNone(parse_scalar_line("hpo:scalars {}"))

    def test_malformed_scalar_lines_say_what_is_wrong(self):
        for line in ("hpo:scalar", "hpo:scalar not json", "hpo:scalar []",
                     'hpo:scalar {"title": "", "series": "s", "iteration": 1, "value": 1}',
                     'hpo:scalar {"title": "t", "series": "s", "iteration": -1, "value": 1}'):
            with self.subTest(line=line), self.assertRaises(ValueError):
                parse_scalar_line(line)

    def test_report_refuses_what_the_service_would_refuse(self):
        for args in (("", "s", 1.0, 0), ("t", " ", 1.0, 0), ("t", "s", float("nan"), 0), ("t", "s", 1.0, -1),
                     ("t", "s", float("inf"), 2), ("t", "s", 1.0, 1.5)):
            with self.subTest(args=args), self.assertRaises(ValueError):
                report(*args, stream=io.StringIO())

    def test_parameters_come_from_the_environment_and_the_arguments_win(self):
        values = parameters(["--General/lr=0.5", "--name=resnet", "positional"],
                            {"HPO_PARAMETERS": '{"General/lr": 0.1, "General/layers": 3}'})
        self.assertEqual(values, {"General/lr": 0.5, "General/layers": 3, "name": "resnet"})

    def test_the_agent_passes_parameters_as_the_process_backend_does(self):
        self.assertEqual(argv_for(["python3", "train.py"], {"b": "x y", "a": 0.1, "c": True, "d": 3}),
                         ["python3", "train.py", "--a=0.1", "--b=x y", "--c=true", "--d=3"])


class ParameterClassesTest(unittest.TestCase):

    def test_each_class_becomes_the_services_json(self):
        self.assertEqual(UniformParameterRange("General/lr", 0.01, 0.3, step_size=0.05).to_json(),
                         {"type": "uniform", "name": "General/lr", "min": 0.01, "max": 0.3, "step": 0.05,
                          "includeMax": True})
        self.assertEqual(UniformParameterRange("a", 0, 1, include_max_value=False).to_json(),
                         {"type": "uniform", "name": "a", "min": 0.0, "max": 1.0, "includeMax": False})
        self.assertEqual(LogUniformParameterRange("lr", -4, -1, base=2).to_json(),
                         {"type": "log_uniform", "name": "lr", "min": -4.0, "max": -1.0, "base": 2.0,
                          "includeMax": True})
        self.assertEqual(UniformIntegerParameterRange("layers", 128, 512, step_size=128).to_json(),
                         {"type": "uniform_integer", "name": "layers", "min": 128, "max": 512, "step": 128,
                          "includeMax": True})
        self.assertEqual(DiscreteParameterRange("net", values=["ResNet18", "ResNet50"]).to_json(),
                         {"type": "discrete", "name": "net", "values": ["ResNet18", "ResNet50"]})
        self.assertEqual(ParameterSet([{"opt": "sgd", "lr": UniformParameterRange("lr", 0, 1)}, {"opt": "adam"}])
                         .to_json(),
                         {"type": "parameter_set", "combinations": [
                             {"opt": "sgd", "lr": {"type": "uniform", "name": "lr", "min": 0.0, "max": 1.0,
                                                   "includeMax": True}},
                             {"opt": "adam"}]})

    def test_parameters_compare_by_value(self):
        self.assertEqual(DiscreteParameterRange("a", [1, 2]), DiscreteParameterRange("a", [1, 2]))
        self.assertNotEqual(DiscreteParameterRange("a", [1, 2]), DiscreteParameterRange("a", [2, 1]))
        self.assertIn("discrete", repr(DiscreteParameterRange("a", [1])))


class StrategyNamesTest(unittest.TestCase):

    def test_clearml_classes_name_the_services_strategies(self):
        self.assertEqual([resolve(c).service_name for c in (GridSearch, RandomSearch, OptimizerOptuna, OptimizerBOHB)],
                         ["grid", "random", "tpe", "bohb"])
        self.assertEqual(resolve(None).service_name, "random")
        self.assertEqual(resolve("cmaes").service_name, "cmaes")
        self.assertEqual(OptimizerOptuna.early_stopping, "median")

    def test_clearml_keyword_arguments_become_settings_and_unknown_ones_warn(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            settings = OptimizerBOHB().settings({"eta": 3, "random_fraction": 0.2, "local_port": 9090, "bogus": 1})
        self.assertEqual(settings, {"eta": 3, "randomFraction": 0.2})
        self.assertEqual(len(caught), 2)
        self.assertEqual(resolve("tpe").settings({"startupTrials": 5}), {"startupTrials": 5})

    def test_anything_else_is_a_type_error(self):
        with self.assertRaises(TypeError):
            resolve(42)


if __name__ == "__main__":
    unittest.main()
