#!/usr/bin/env python3
"""A ClearML HyperParameterOptimizer script, unchanged but for its imports.

With ClearML the imports would be:

    from clearml import Task
    from clearml.automation import (HyperParameterOptimizer, LogUniformParameterRange, UniformIntegerParameterRange,
                                    UniformParameterRange)
    from clearml.automation.optuna import OptimizerOptuna

The connection comes from the environment: HPO_URL (default http://localhost:8080) and HPO_TOKEN. The template
task is a base experiment of the service: its id is the first argument (or HPO_BASE_TASK_ID), else the newest
base experiment named "quadratic" in project "demo"; the queue is the second argument (or HPO_QUEUE, default
"default"). Run agents on that queue with examples/quadratic.py, e.g.

    hpo-agent --queue default --concurrency 2 -- python3 clients/python/examples/quadratic.py

The objective has its optimum (loss 0) at General/x = 0.3, General/lr = 0.01, General/layers = 5.
"""
import os
import sys

from hpo_client import (HyperParameterOptimizer, LogUniformParameterRange, OptimizerOptuna, Task,
                        UniformIntegerParameterRange, UniformParameterRange)


def job_complete_callback(
    job_id,                 # type: str
    objective_value,        # type: float
    objective_iteration,    # type: int
    job_parameters,         # type: dict
    top_performance_job_id  # type: str
):
    print('Job completed!', job_id, objective_value, objective_iteration, job_parameters)
    if job_id == top_performance_job_id:
        print('WOOT WOOT we broke the record! Objective reached {}'.format(objective_value))


task = Task.init(project_name='demo', task_name='Optimizing quadratic', task_type='optimizer')
args = {
    'template_task_id': sys.argv[1] if len(sys.argv) > 1 else os.environ.get('HPO_BASE_TASK_ID'),
    'execution_queue': sys.argv[2] if len(sys.argv) > 2 else os.environ.get('HPO_QUEUE', 'default'),
}
args = task.connect(args)
if not args['template_task_id']:
    args['template_task_id'] = Task.get_task(project_name='demo', task_name='quadratic').id

an_optimizer = HyperParameterOptimizer(
    base_task_id=args['template_task_id'],
    hyper_parameters=[
        UniformParameterRange('General/x', min_value=-1.0, max_value=1.0),
        LogUniformParameterRange('General/lr', min_value=-4, max_value=0),
        UniformIntegerParameterRange('General/layers', min_value=1, max_value=8),
    ],
    objective_metric_title='validation',
    objective_metric_series='loss',
    objective_metric_sign='min',
    max_number_of_concurrent_tasks=4,
    optimizer_class=OptimizerOptuna,
    execution_queue=args['execution_queue'],
    total_max_jobs=40,
    min_iteration_per_job=2,
    max_iteration_per_job=5,
    time_limit_per_job=5.,
    pool_period_min=0.1,
)
an_optimizer.set_report_period(0.5)
an_optimizer.set_time_limit(in_minutes=30.)
an_optimizer.start(job_complete_callback=job_complete_callback)
# wait until the optimization completed or timed out
an_optimizer.wait()
top_exp = an_optimizer.get_top_experiments(top_k=3)
print('top 3:')
for task in top_exp:
    print(task.id, task.objective_values, task.get_parameters())
# make sure we stop all jobs
an_optimizer.stop()
