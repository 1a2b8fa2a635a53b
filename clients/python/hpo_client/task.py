"""The few ``clearml.Task`` calls an optimizer script makes, so that it runs with its imports changed only.

- ``Task.init(project_name, task_name, ...)`` gives a local stand-in for the controller's task: the study itself
  is the record, so nothing is sent.
- ``task.connect(args)`` hands ``args`` back unchanged (ClearML would sync them with its UI).
- ``Task.get_task(task_id=..., project_name=..., task_name=...)`` finds a base experiment (the template task):
  by id, or the newest one with that project and name.
"""
from typing import Any, Optional

from .client import BaseExperiment, Client


class Task:
    """A local stand-in for ClearML's task of the optimization controller."""

    def __init__(self, project_name: Optional[str] = None, task_name: Optional[str] = None) -> None:
        self.project_name = project_name
        self.name = task_name
        self.id: Optional[str] = None

    @classmethod
    def init(cls, project_name: Optional[str] = None, task_name: Optional[str] = None, task_type: Any = None,
             **_: Any) -> "Task":
        """ClearML's ``Task.init``: returns a stand-in; nothing is registered."""
        return cls(project_name, task_name)

    def connect(self, mutable: Any, name: Optional[str] = None) -> Any:
        """ClearML's ``task.connect``: returns the object unchanged."""
        return mutable

    def execute_remotely(self, queue_name: Optional[str] = None, exit_process: bool = True, **_: Any) -> None:
        """ClearML's ``task.execute_remotely``: nothing to do, the study already runs in the service."""
        return None

    @staticmethod
    def get_task(task_id: Optional[str] = None, project_name: Optional[str] = None, task_name: Optional[str] = None,
                 client: Optional[Client] = None) -> BaseExperiment:
        """The base experiment with ``task_id``, or the newest one named ``task_name`` (in ``project_name`` when
        given).

        Raises:
            ValueError: when no base experiment matches.
        """
        client = client or Client()
        if task_id:
            return client.base_experiment(task_id)
        matches = [b for b in client.base_experiments()
                   if b.name == task_name and (project_name is None or b.data.get("project") == project_name)]
        if not matches:
            raise ValueError("no base experiment named %r in project %r" % (task_name, project_name))
        return max(matches, key=lambda b: b.data.get("createdAt") or "")
