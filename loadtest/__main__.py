"""python -m loadtest [--steps 10,20,40,80,160] [--step-seconds 30] ...: see loadtest/run.py and README.md."""

import sys

# Imported before anything opens a socket: locust patches the standard library for gevent (its users are greenlets).
import locust  # noqa: F401

from loadtest.run import main

sys.exit(main())
