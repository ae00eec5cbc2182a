"""Where the tests' shared files are, wherever a test module sits below ``tests/``."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
HELPERS = TESTS / "helpers"
REPO = TESTS.parent
