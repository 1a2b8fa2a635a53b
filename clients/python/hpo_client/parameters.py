"""ClearML's parameter classes, each turned into the service's JSON search-space entry.

The constructors take ClearML's arguments (``UniformParameterRange('General/lr', min_value=0.01, max_value=0.3,
step_size=0.05)``); :meth:`Parameter.to_json` gives the service's form (``{"type": "uniform", "name": ...,
"min": ..., "max": ..., "step": ..., "includeMax": ...}``). Sampling happens in the service, so ClearML's
client-side quirks (a stepped range that never reaches its maximum, an integer range past it) are not repeated.
"""
from typing import Any, Dict, List, Mapping, Optional, Sequence


class Parameter:
    """A search-space dimension; subclasses say how it becomes the service's JSON."""

    def __init__(self, name: Optional[str]) -> None:
        self.name = name

    def to_json(self) -> Dict[str, Any]:
        """The service's JSON for this parameter."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return "%s(%r)" % (type(self).__name__, self.to_json())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Parameter) and type(self) is type(other) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(repr(self))


class UniformParameterRange(Parameter):
    """A float range, sampled uniformly, or on a grid of ``step_size`` (``type: uniform``)."""

    def __init__(self, name: str, min_value: float, max_value: float, step_size: Optional[float] = None,
                 include_max_value: bool = True) -> None:
        super().__init__(name)
        self.min_value = float(min_value)
        self.max_value = float(max_value)
        self.step_size = None if step_size is None else float(step_size)
        self.include_max = bool(include_max_value)

    def to_json(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {"type": "uniform", "name": self.name, "min": self.min_value, "max": self.max_value}
        if self.step_size is not None:
            body["step"] = self.step_size
        body["includeMax"] = self.include_max
        return body


class LogUniformParameterRange(UniformParameterRange):
    """``base ** x`` for x uniform between the exponents ``min_value`` and ``max_value`` (``type: log_uniform``)."""

    def __init__(self, name: str, min_value: float, max_value: float, base: float = 10,
                 step_size: Optional[float] = None, include_max_value: bool = True) -> None:
        super().__init__(name, min_value, max_value, step_size, include_max_value)
        self.base = float(base)

    def to_json(self) -> Dict[str, Any]:
        body = super().to_json()
        body["type"] = "log_uniform"
        body["base"] = self.base
        return body


class UniformIntegerParameterRange(Parameter):
    """An integer range with a step (``type: uniform_integer``)."""

    def __init__(self, name: str, min_value: int, max_value: int, step_size: int = 1,
                 include_max_value: bool = True) -> None:
        super().__init__(name)
        self.min_value = int(min_value)
        self.max_value = int(max_value)
        self.step_size = int(step_size)
        self.include_max = bool(include_max_value)

    def to_json(self) -> Dict[str, Any]:
        return {"type": "uniform_integer", "name": self.name, "min": self.min_value, "max": self.max_value,
                "step": self.step_size, "includeMax": self.include_max}


class DiscreteParameterRange(Parameter):
    """One of a list of values, in the given order for a grid (``type: discrete``)."""

    def __init__(self, name: str, values: Sequence[Any] = ()) -> None:
        super().__init__(name)
        self.values: List[Any] = list(values)

    def to_json(self) -> Dict[str, Any]:
        return {"type": "discrete", "name": self.name, "values": list(self.values)}


class ParameterSet(Parameter):
    """One of several combinations of values set together; a value may itself be a range
    (``type: parameter_set``). Nested ranges are sent as JSON, so ClearML's issue #1203 (an object's repr sent
    to the task) cannot happen."""

    def __init__(self, parameter_combinations: Sequence[Mapping[str, Any]] = (), name: Optional[str] = None) -> None:
        super().__init__(name)
        self.parameter_combinations: List[Dict[str, Any]] = [dict(c) for c in parameter_combinations]

    def to_json(self) -> Dict[str, Any]:
        combinations = [{key: (value.to_json() if isinstance(value, Parameter) else value)
                         for key, value in combination.items()} for combination in self.parameter_combinations]
        body: Dict[str, Any] = {"type": "parameter_set", "combinations": combinations}
        if self.name is not None:
            body["name"] = self.name
        return body


def space_json(parameters: Sequence[Any]) -> List[Dict[str, Any]]:
    """The service's JSON for a list of :class:`Parameter` objects (dicts pass through as they are)."""
    out = []
    for parameter in parameters:
        if isinstance(parameter, Parameter):
            out.append(parameter.to_json())
        elif isinstance(parameter, Mapping):
            out.append(dict(parameter))
        else:
            raise TypeError("a hyper-parameter must be a Parameter or a dict, got %r" % (parameter,))
    return out
