"""Run by Python at start-up in a test's subprocess (this folder is on PYTHONPATH): the network guard."""

import os
import sys

if os.environ.get("IMAGINGNET_TEST_OFFLINE") == "1":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        import network_guard

        network_guard.install()
    finally:
        del sys.path[0]
