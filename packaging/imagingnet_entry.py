"""The packaged app's entry point: the same ``main`` as the ``imagingnet`` command."""

import sys

from imagingnet_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
