"""ClearML's search-strategy classes, as names of the service's strategies.

``optimizer_class=OptimizerOptuna`` (the class, as in ClearML) or an instance such as
``OptimizerBOHB(eta=3)`` picks the service's strategy and turns ClearML's keyword arguments into its settings.
A plain string names any service strategy (``"tpe"``, ``"cmaes"``, ``"hyperband"``...).
"""
import warnings
from typing import Any, Dict, Optional, Tuple, Type, Union

#: the keyword arguments every ClearML strategy takes, which the optimizer turns into study limits
COMMON_KWARGS = ("pool_period_min", "time_limit_per_job", "compute_time_limit", "min_iteration_per_job",
                 "max_iteration_per_job", "total_max_jobs", "num_concurrent_workers")


class SearchStrategy:
    """Base of the strategy names. ``service_name`` is the service's strategy; ``setting_names`` maps ClearML's
    keyword arguments to the service's settings; ``early_stopping`` is the rule the strategy brings along."""

    service_name = "random"
    setting_names: Dict[str, str] = {}
    ignored: Tuple[str, ...] = ()
    early_stopping: Optional[str] = None

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = dict(kwargs)

    def settings(self, kwargs: Dict[str, Any]) -> Dict[str, Any]:
        """The service's ``strategy.settings`` for ClearML keyword arguments; a keyword the service has no use for
        is dropped with a warning (ClearML drops them silently)."""
        out: Dict[str, Any] = {}
        for key, value in kwargs.items():
            if key in self.setting_names:
                out[self.setting_names[key]] = value
            elif key in self.ignored:
                warnings.warn("%s: %s has no effect on hpo-service and is ignored" % (type(self).__name__, key),
                              stacklevel=4)
            else:
                warnings.warn("%s: unknown argument %s ignored" % (type(self).__name__, key), stacklevel=4)
        return out

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in sorted(self.kwargs.items())))


class GridSearch(SearchStrategy):
    """Every point of the grid, the last parameter fastest (service strategy ``grid``)."""

    service_name = "grid"


class RandomSearch(SearchStrategy):
    """Uniform samples without repeats (service strategy ``random``)."""

    service_name = "random"
    setting_names = {"max_draws": "maxDraws"}


class OptimizerOptuna(SearchStrategy):
    """Optuna's defaults: a TPE sampler and the median pruner (service strategy ``tpe``, early stopping
    ``median`` with ``warmupIterations`` from ``min_iteration_per_job``)."""

    service_name = "tpe"
    setting_names = {"n_startup_trials": "startupTrials", "n_ei_candidates": "candidates",
                     "multivariate": "multivariate", "gamma": "gamma", "constant_liar": "constantLiar",
                     "prior_weight": "priorWeight"}
    ignored = ("optuna_sampler", "optuna_pruner", "continue_previous_study")
    early_stopping = "median"


class OptimizerBOHB(SearchStrategy):
    """Hyperband with a density model per budget (service strategy ``bohb``); the budgets come from
    ``min_iteration_per_job`` and ``max_iteration_per_job``."""

    service_name = "bohb"
    setting_names = {"eta": "eta", "top_n_percent": "topNPercent", "num_samples": "numSamples",
                     "random_fraction": "randomFraction", "bandwidth_factor": "bandwidthFactor",
                     "min_bandwidth": "minBandwidth", "min_points_in_model": "minPointsInModel"}
    ignored = ("min_budget", "max_budget", "local_port")


class NamedStrategy(SearchStrategy):
    """Any strategy of the service by its name; keyword arguments go into its settings as they are."""

    def __init__(self, name: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.service_name = name

    def settings(self, kwargs: Dict[str, Any]) -> Dict[str, Any]:
        return dict(kwargs)


StrategyLike = Union[str, SearchStrategy, Type[SearchStrategy]]


def resolve(strategy: Optional[StrategyLike]) -> SearchStrategy:
    """An instance for a class, an instance or a service strategy name (None means RandomSearch, ClearML's
    default)."""
    if strategy is None:
        return RandomSearch()
    if isinstance(strategy, SearchStrategy):
        return strategy
    if isinstance(strategy, type) and issubclass(strategy, SearchStrategy):
        return strategy()
    if isinstance(strategy, str):
        return NamedStrategy(strategy)
    raise TypeError("optimizer_class must be a SearchStrategy class or instance, or a strategy name; got %r"
                    % (strategy,))
