"""Memory budget: peak RSS after visiting every tab of the demo <= 250 MB.

    .venv/bin/python benchmarks/memory.py [--runs 3] [--imports]

Creates the demo workspace with ``imagingnet new --demo`` in a temporary folder, then, in a fresh
subprocess each run (QT_QPA_PLATFORM=offscreen, a throw-away settings file), builds the real ``MainWindow``
on it, paints it, and visits every tab with its Ctrl+1..6 action and, in each tab, every inner page (the tabs
of every tab widget in it, nested ones too: 18 pages on today's six tabs), each painted. On Shares & votes it
also drags a blend slider ten steps on the chart and releases it (one committed edit), and moves another three
keyboard steps on the shares page. The child prints its RSS
after each stage (VmRSS from /proc, split into anonymous memory and mapped files such as the Qt and numpy
libraries) and, at the end, its peak RSS (``ru_maxrss``). For scale, the peak RSS of a bare PySide6 window
(``benchmarks/bare_window.py``) is measured in the same run. The verdict is on the largest peak of the runs.
Exits 1 on FAIL.

``--imports`` also measures, in one more fresh process with no window, the RSS each heavy import adds in
the order the app makes them (PySide6, the app, numpy, matplotlib...): where the Shares & votes tab's memory
goes. (RSS, not ``tracemalloc``: most of it is C code, shared libraries and C++ objects that
``tracemalloc`` cannot see.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_MB = 250.0
HERE = Path(__file__).resolve().parent
HEAVY = ("numpy", "matplotlib", "pandas", "sqlite_utils", "docx", "openpyxl")


# ============================================================================ measuring (both sides)


def _maxrss_mb(ru_maxrss: int) -> float:
    """``ru_maxrss`` is in KB on Linux and in bytes on macOS."""
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def _proc_status() -> dict[str, float]:
    """VmRSS, VmHWM, RssAnon, RssFile, RssShmem in MB (Linux); just the peak elsewhere."""
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                    out[key] = int(value.split()[0]) / 1024
    except OSError:
        out["VmHWM"] = _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return out


# ============================================================================ the child: the app itself


def child(demo: Path) -> int:
    stages: list[tuple[str, dict[str, float]]] = [("python started", _proc_status())]

    def stage(label: str) -> None:
        stages.append((label, _proc_status()))

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QAbstractSlider, QApplication, QWidget

    from imagingnet_desktop.app import paint_and_check
    from imagingnet_desktop.domain.shares.share_table import Basis
    from imagingnet_desktop.ui.common import theme
    from imagingnet_desktop.ui.shell.fit_check import visit_pages
    from imagingnet_desktop.ui.shell.main_window import MainWindow
    from imagingnet_desktop.ui.shell.settings import AppSettings
    from imagingnet_desktop.ui.shell.tab_specs import TABS

    class Painted(QObject):
        def __init__(self, widget: QWidget) -> None:
            super().__init__()
            self.seen = False
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    app = QApplication.instance() or QApplication([sys.argv[0]])
    theme.apply(app)
    stage("Qt and the app imported, QApplication made")

    def settle(widget: QWidget, action) -> None:
        """Run ``action`` and wait until ``widget`` has been painted (as the user would see it)."""
        painted = Painted(widget)
        action()
        deadline = time.monotonic() + 10
        while not painted.seen and time.monotonic() < deadline:
            app.processEvents()
            if not painted.seen:
                time.sleep(0.002)
        if not painted.seen:
            raise SystemExit(f"{widget.objectName() or widget} was never painted")
        widget.removeEventFilter(painted)
        app.processEvents()

    window = MainWindow(AppSettings.from_environment())
    if not window.open_path(demo):
        raise SystemExit(f"could not open {demo}")
    problem = paint_and_check(app, window)
    if problem:
        raise SystemExit(problem)
    stage("window painted on the Network tab")

    def exercise_sliders(view) -> None:
        """On Shares & votes: a slider dragged and released on the chart, then keyboard steps."""
        settle(view.chart_page, lambda: view.pages.setCurrentWidget(view.chart_page))
        slider = view.sliders.sliders[Basis.PAY]
        slider.setSliderDown(True)  # held as in a drag: each step previewed, nothing written yet
        for _ in range(10):
            slider.setValue((slider.value() + 7) % 101)
            app.processEvents()
        slider.setSliderDown(False)  # released: the position is committed as one edit
        app.processEvents()
        settle(view.shares_page, lambda: view.pages.setCurrentWidget(view.shares_page))
        keys = view.sliders.sliders[Basis.ACTIVITY]
        before = keys.value()
        for _ in range(3):
            keys.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepSub)  # Activity starts at the top
            app.processEvents()
        view.sliders.flush()
        app.processEvents()
        if keys.value() == before or view.scenario.weight_map()[Basis.ACTIVITY] != keys.value():
            raise SystemExit("the keyboard steps did not move the Activity slider and commit it")
        stage("  Shares & votes: slider dragged 10 steps, 3 keyboard steps")

    pages_seen = 0
    for index, spec in enumerate(TABS):
        if index:
            settle(window.tab_widget.widget(index), window.actions_.go_to_tab[index].trigger)
            stage(f"tab {index + 1}: {spec.title}")
        for page in visit_pages(window.tab(spec.key), spec.title, app):  # every inner page, nested ones too
            window.grab()  # painted, as on screen (offscreen, a hidden page is never exposed otherwise)
            pages_seen += 1
            if page != spec.title:
                stage(f"  {page}")
        if spec.key == "shares":
            exercise_sliders(window.tab("shares"))
    if window.workspace is None or window.workspace.undo_label is None:
        raise SystemExit("the slider moves were not committed to the workspace")

    peak = _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    result: dict[str, object] = {
        "stages": stages,
        "peak_mb": peak,
        "current_mb": _proc_status().get("VmRSS"),
        "heavy": [m for m in HEAVY if m in sys.modules],
        "modules": len(sys.modules),
        "pages": pages_seen,
    }
    window.close()
    print(json.dumps(result))
    return 0


IMPORT_STEPS = (  # in the order the app imports them on the way to the Shares & votes tab
    ("PySide6.QtWidgets", "PySide6 widgets"),
    ("imagingnet_desktop.app", "the app's start-up modules"),
    ("numpy", "numpy"),
    ("matplotlib", "matplotlib"),
    ("matplotlib.figure", "matplotlib.figure (axes, text, ticks...)"),
    ("matplotlib.backends.backend_qtagg", "matplotlib's Qt canvas"),
    ("imagingnet_desktop.ui.shares_votes.shares_votes_tab", "the Shares & votes tab's own modules"),
    ("imagingnet_desktop.ui.programme.programme_tab", "the Programme tab's modules"),
    ("imagingnet_desktop.ui.commercial.commercial_tab", "the Commercial model tab's modules"),
    ("imagingnet_desktop.ui.control.control_tab", "the Control tab's modules"),
    ("imagingnet_desktop.ui.record.record_tab", "the Record tab's modules"),
)


def import_child() -> int:
    """RSS after each heavy import, in a fresh process: what each package costs before any window."""
    import importlib

    steps = [("python started", _proc_status())]
    for module, label in IMPORT_STEPS:
        importlib.import_module(module)
        steps.append((f"+ {label}", _proc_status()))
    print(json.dumps({"stages": steps}))
    return 0


# ============================================================================ the parent: runs and verdict


def _run_child(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run ``command``; its peak RSS in MB as the kernel saw it, and its stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if process.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{err.read()}")
        return _maxrss_mb(usage.ru_maxrss), out.read()


def _print_stages(stages: list[tuple[str, dict[str, float]]]) -> None:
    print(f"  {'stage':<58}{'RSS MB':>8}{'anon':>8}{'files':>8}{'peak':>8}")
    for label, s in stages:
        print(f"  {label:<58}{s.get('VmRSS', 0):>8.1f}{s.get('RssAnon', 0):>8.1f}"
              f"{s.get('RssFile', 0):>8.1f}{s.get('VmHWM', 0):>8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh app processes to measure (default 3)")
    parser.add_argument("--imports", action="store_true", help="also the RSS each heavy import adds")
    parser.add_argument("--child", metavar="DEMO", help=argparse.SUPPRESS)
    parser.add_argument("--import-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(Path(args.child))
    if args.import_child:
        return import_child()

    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.imagingnet"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IMAGINGNET_SETTINGS=str(Path(tmp) / "s.ini"))
        made = subprocess.run([sys.executable, "-m", "imagingnet_desktop", "new", "--demo", str(demo)],
                              env=env, capture_output=True, text=True)
        if made.returncode != 0:
            sys.exit(f"imagingnet new --demo failed:\n{made.stderr}")

        bare, _ = _run_child([sys.executable, str(HERE / "bare_window.py")], env)
        peaks: list[float] = []
        results: list[dict] = []
        for _ in range(max(1, args.runs)):
            outside, out = _run_child([sys.executable, __file__, "--child", str(demo)], env)
            result = json.loads(out)
            peaks.append(max(outside, result["peak_mb"]))
            results.append(result)
        imports = None
        if args.imports:
            _, out = _run_child([sys.executable, __file__, "--import-child"], env)
            imports = json.loads(out)["stages"]

    last = results[-1]
    print("Memory: the demo in the real main window, every tab visited, Shares & votes pages and sliders "
          f"exercised (last of {len(results)} runs)")
    _print_stages(last["stages"])
    print(f"  still loaded at the end: {', '.join(last['heavy']) or 'none of the heavy packages'} "
          f"({last['modules']} modules); {last['pages']} tab pages visited")
    if imports:
        print("\nWhat each import adds, in a fresh process with no window (not judged):")
        _print_stages(imports)
    peak = max(peaks)
    print(f"\nbare PySide6 window: peak RSS {bare:.1f} MB")
    print(f"app, {len(peaks)} runs: peak RSS {', '.join(f'{p:.1f}' for p in peaks)} MB "
          f"(median {statistics.median(peaks):.1f}); current RSS at the end {last['current_mb']:.1f} MB; "
          f"{peak / bare:.2f} x the bare window")
    verdict = "PASS" if peak <= BUDGET_MB else "FAIL"
    print(f"peak RSS after visiting every tab: {peak:.0f} MB (budget ≤ {BUDGET_MB:.0f} MB) {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
