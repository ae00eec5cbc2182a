"""Start-up budget: ``imagingnet --exit-after-start DEMO`` against a bare PySide6 window, same machine, same run.

    .venv/bin/python benchmarks/startup.py [--rounds 7]

Each round runs the bare window and the app once each, alternating which goes first, both as fresh
subprocesses with QT_QPA_PLATFORM=offscreen. Prints the medians (wall clock, and the children's CPU time,
which a busy machine disturbs less), the ratio app / bare and PASS or FAIL against the budget (wall-clock
ratio <= 2.0). Exits 1 on FAIL. The demo workspace is created beforehand in a temporary folder, and the app
is pointed at a throw-away settings file.

The app's modules are byte-compiled first and PYTHONDONTWRITEBYTECODE is dropped for the children, as in an
installed app (pip compiles a wheel's modules when it installs it); otherwise every run would recompile the
app from source while the bare window's PySide6 and standard library are already compiled.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 2.0
HERE = Path(__file__).resolve().parent


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()

    import imagingnet_desktop
    from imagingnet_desktop.workspace.network.partner_import import create_demo

    compileall.compile_dir(Path(imagingnet_desktop.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.imagingnet"
        create_demo(demo).close()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IMAGINGNET_SETTINGS=str(Path(tmp) / "settings.ini"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
        app_cmd = [sys.executable, "-m", "imagingnet_desktop", "--exit-after-start", str(demo)]
        timed(bare_cmd, env), timed(app_cmd, env)  # warm the file cache; not counted
        bare: list[tuple[float, float]] = []
        app: list[tuple[float, float]] = []
        for round_ in range(options.rounds):
            pair = [(bare_cmd, bare), (app_cmd, app)]
            for command, times in pair if round_ % 2 == 0 else reversed(pair):
                times.append(timed(command, env))
            print(f"round {round_ + 1}: bare {bare[-1][0] * 1000:7.1f} ms (cpu {bare[-1][1] * 1000:6.1f})   "
                  f"app {app[-1][0] * 1000:7.1f} ms (cpu {app[-1][1] * 1000:6.1f})")

    bare_wall, app_wall = (statistics.median(t[0] for t in runs) for runs in (bare, app))
    bare_cpu, app_cpu = (statistics.median(t[1] for t in runs) for runs in (bare, app))
    ratio = app_wall / bare_wall
    verdict = "PASS" if ratio <= BUDGET else "FAIL"
    print(f"bare PySide6 window, median of {len(bare)}: {bare_wall * 1000:7.1f} ms (cpu {bare_cpu * 1000:6.1f} ms)")
    print(f"imagingnet --exit-after-start demo, median of {len(app)}: {app_wall * 1000:7.1f} ms "
          f"(cpu {app_cpu * 1000:6.1f} ms)")
    print(f"ratio app / bare: {ratio:.2f} wall clock, {app_cpu / bare_cpu:.2f} cpu "
          f"(budget <= {BUDGET:.1f} wall clock) {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
