#!/usr/bin/env python3
"""A tiny training script with a known optimum, for the examples and tests of hpo_client.

Parameters (``--name=value`` arguments or ``HPO_PARAMETERS``, defaults below): ``General/x`` (a float),
``General/lr`` (positive), ``General/layers`` (an integer), ``General/epochs``. Each epoch reports a
validation loss on a learning curve whose floor is

    (x - 0.3)^2 + 0.25 * (log10(lr) + 2)^2 + 0.05 * (layers - 5)^2

lowest (0) at x = 0.3, lr = 0.01, layers = 5. ``HPO_MAX_ITERATION`` caps the epochs; ``QUADRATIC_SLEEP`` is the
pause per epoch in seconds (default 0.05).
"""
import math
import os
import time

from hpo_client import parameters, report

DEFAULTS = {"General/x": 0.0, "General/lr": 0.1, "General/layers": 2, "General/epochs": 5}


def floor(x: float, lr: float, layers: int) -> float:
    """Where the learning curve ends."""
    return (x - 0.3) ** 2 + 0.25 * (math.log10(lr) + 2) ** 2 + 0.05 * (layers - 5) ** 2


def main() -> None:
    values = dict(DEFAULTS)
    values.update(parameters())
    epochs = int(values["General/epochs"])
    if os.environ.get("HPO_MAX_ITERATION"):
        epochs = min(epochs, int(os.environ["HPO_MAX_ITERATION"]))
    end = floor(float(values["General/x"]), float(values["General/lr"]), int(values["General/layers"]))
    pause = float(os.environ.get("QUADRATIC_SLEEP", "0.05"))
    loss = None
    for epoch in range(epochs):
        time.sleep(pause)
        loss = end + (1.0 + end) * math.exp(-1.5 * (epoch + 1))
        print("epoch %d: loss %.5f" % (epoch, loss), flush=True)
        report("validation", "loss", loss, epoch)
    print("final loss %.5f" % (loss if loss is not None else float("nan")))


if __name__ == "__main__":
    main()
