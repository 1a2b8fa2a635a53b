"""hpo_client: the Python client of hpo-service (standard library only, Python 3.9+).

- :class:`HyperParameterOptimizer` with ClearML's parameter and strategy classes: a ClearML script changes its
  imports and runs against the service.
- :class:`Client`: studies and experiments as small objects, errors as exceptions carrying the problem detail,
  ask/tell (:meth:`Study.ask`, :meth:`Trial.report`, :meth:`Trial.should_stop`, :meth:`Study.tell`).
- :func:`report`: the in-training helper, read by ``hpo-agent`` and by the service's process backend alike.
- ``hpo-agent`` (:mod:`hpo_client.agent`): the worker.
"""
from ._version import __version__
from .asktell import Trial
from .client import BaseExperiment, Client, Experiment, Study, WorkerAction
from .errors import (ApiError, BadRequest, Conflict, Forbidden, HpoError, NotFound, PayloadTooLarge, ServerError,
                     ServiceUnreachable, Unauthorized, Unprocessable)
from .optimizer import ClearmlJob, HyperParameterOptimizer, LocalClearmlJob
from .parameters import (DiscreteParameterRange, LogUniformParameterRange, Parameter, ParameterSet,
                         UniformIntegerParameterRange, UniformParameterRange)
from .report import parameters, report
from .strategies import GridSearch, OptimizerBOHB, OptimizerOptuna, RandomSearch, SearchStrategy
from .task import Task

__all__ = [
    "__version__", "ApiError", "BadRequest", "BaseExperiment", "ClearmlJob", "Client", "Conflict",
    "DiscreteParameterRange", "Experiment", "Forbidden", "GridSearch", "HpoError", "HyperParameterOptimizer",
    "LocalClearmlJob", "LogUniformParameterRange", "NotFound", "OptimizerBOHB", "OptimizerOptuna", "Parameter",
    "ParameterSet", "PayloadTooLarge", "RandomSearch", "SearchStrategy", "ServerError", "ServiceUnreachable",
    "Study", "Task", "Trial", "Unauthorized", "Unprocessable", "UniformIntegerParameterRange", "UniformParameterRange",
    "WorkerAction", "parameters", "report",
]
