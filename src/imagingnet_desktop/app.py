"""``imagingnet [WORKSPACE]`` and ``imagingnet --exit-after-start [WORKSPACE]``: the window.

Kept fast: nothing on the way to the first painted window imports pandas, numpy, matplotlib or sqlite_utils
(opening an existing, current workspace uses plain ``sqlite3``; only creating or migrating one needs more).
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from imagingnet_desktop.store import WorkspaceError, WorkspaceInUseError, WorkspaceReadOnlyError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import (
    APPLICATION,
    ORGANISATION,
    AppSettings,
    documents_folder,
    unused_path,
)
from imagingnet_desktop.workspace.workspace import Workspace

PAINT_TIMEOUT_S = 15.0
USAGE = """usage: imagingnet [--exit-after-start] [WORKSPACE]

Open ImagingNet Desktop on WORKSPACE (a .imagingnet file); with no WORKSPACE, the last one opened, else a
new demo workspace. --exit-after-start opens it, paints the window with it shown, then exits (0 when it
worked; 2 for a missing or unusable file; 1 otherwise). Other commands: imagingnet --help."""


class UsageError(Exception):
    pass


@dataclass(frozen=True)
class StartOptions:
    workspace: Path | None = None
    exit_after_start: bool = False


def parse_args(args: list[str]) -> StartOptions:
    """By hand rather than argparse: this is on the start-up path and there are two options."""
    workspace: Path | None = None
    exit_after_start = False
    only_paths = False
    for arg in args:
        if arg == "--" and not only_paths:
            only_paths = True
        elif arg == "--exit-after-start" and not only_paths:
            exit_after_start = True
        elif arg.startswith("-") and arg != "-" and not only_paths:
            raise UsageError(f"unknown option {arg}")
        elif workspace is not None:
            raise UsageError(f"one workspace at a time (got {workspace} and {arg})")
        else:
            workspace = Path(arg)
    return StartOptions(workspace, exit_after_start)


def run_app(args: list[str]) -> int:
    if any(a in ("-h", "--help") for a in args):
        print(USAGE)
        return 0
    try:
        options = parse_args(args)
    except UsageError as exc:
        print(f"{USAGE}\n\nimagingnet: {exc}", file=sys.stderr)
        return 2
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0] if sys.argv else "imagingnet"])
    theme.apply(app)
    settings = AppSettings.from_environment()
    if options.exit_after_start:
        return _exit_after_start(app, settings, options.workspace)
    window = MainWindow(settings)
    window.show()
    if options.workspace is not None:
        window.open_path(options.workspace)
    else:
        _open_start_workspace(window)
    _collect_from_now_on()
    return app.exec()


def _collect_from_now_on() -> None:
    """The collector was off during start-up (see ``__main__``): what start-up made is frozen out of its sweeps
    (modules, widgets and the like live as long as the app), and collection resumes for what comes next."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def start_workspace(settings: AppSettings, folder: Path | None = None) -> tuple[Workspace, str]:
    """The last workspace if it still opens, else a new demo one in ``folder``. Returns it and a note."""
    note = ""
    recent = settings.recent_files()
    if recent:
        try:
            return open_for_editing_or_reading(recent[0]), ""
        except WorkspaceError as exc:
            note = f"The last workspace could not be reopened ({exc}) "
    from imagingnet_desktop.workspace.network.partner_import import (  # sqlite_utils: only for a new file
        DEMO_NETWORK_NAME,
        create_demo,
    )

    path = unused_path(folder or documents_folder(), DEMO_NETWORK_NAME)
    workspace = create_demo(path)
    return workspace, f"{note}A demo workspace was created at {path}".strip()


def open_for_editing_or_reading(path: Path) -> Workspace:
    """Open for editing; a read-only file or folder opens read-only instead (the window says so)."""
    try:
        return Workspace.open(path)
    except WorkspaceReadOnlyError:
        return Workspace.open_read_only(path)


def _open_start_workspace(window: MainWindow) -> None:
    try:
        workspace, note = start_workspace(window.settings)
    except Exception as exc:  # no demo could be made (a read-only folder, say): the start page offers the rest
        window.statusBar().showMessage(f"No workspace opened: {exc}")
        return
    window.set_workspace(workspace)
    if note:
        window.statusBar().showMessage(note)


def _exit_after_start(app: QApplication, settings: AppSettings, path: Path | None) -> int:
    """The smoke check: open, paint with the partners shown, close cleanly. Never asks anything."""
    try:
        workspace = open_for_editing_or_reading(path) if path is not None else start_workspace(settings)[0]
    except WorkspaceError as exc:
        print(f"imagingnet: {exc}", file=sys.stderr)
        return 1 if isinstance(exc, WorkspaceInUseError) else 2
    except OSError as exc:
        print(f"imagingnet: {exc.strerror or exc}: {exc.filename or path}", file=sys.stderr)
        return 2
    window = MainWindow(settings, remember=False)
    try:
        window.set_workspace(workspace)
        problem = paint_and_check(app, window)
    finally:
        _collect_from_now_on()
        window.close()  # closes the workspace: the file is left self-contained
        if window.workspace is not None:
            window.close_workspace()
    if problem:
        print(f"imagingnet: {problem}", file=sys.stderr)
        return 1
    return 0


class _PaintWatcher(QObject):
    """Notes which of the watched widgets have received a paint event."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.waiting = set(widgets)
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.waiting.discard(watched)
        return False


def paint_and_check(app: QApplication, window: MainWindow) -> str | None:
    """Show ``window`` and wait until its current tab, and the tables in it, have really been painted.

    Returns None when painted with the partners shown, else what went wrong. The tab page is watched:
    Qt paints a widget's visible children in the same pass as the widget, so once the page has had its
    paint event the tables on it have been painted too. (Watching each table's viewport would be more
    direct, but the first ``viewport()`` call costs PySide6 tens of milliseconds of start-up.)
    """
    tab = window.tab_widget.currentWidget()
    if tab is None:
        return "no workspace is shown"
    views = _item_views(tab)
    watcher = _PaintWatcher([tab])
    window.show()
    deadline = time.monotonic() + PAINT_TIMEOUT_S
    while watcher.waiting and time.monotonic() < deadline:
        app.processEvents()
        if watcher.waiting:
            time.sleep(0.002)
    if watcher.waiting:
        window.grab()  # renders every visible widget, even where the platform never exposes the window
    if watcher.waiting:
        return "the window could not be painted"
    app.processEvents()  # anything the first paint scheduled (a view's delayed layout) is painted too
    partners = len(window.workspace.network.partners) if window.workspace else 0
    if views and partners and not any(v.model() and v.model().rowCount() >= partners for v in views):
        return f"the Network tab does not show the {partners} partners"
    return None


def _item_views(page: QWidget) -> list[QAbstractItemView]:
    """The tables a tab keeps as attributes (``self.table = ...``), found without wrapping every child.

    ``findChildren`` would hand each of the page's hundreds of widgets to Python first, which costs
    start-up milliseconds; the tab's own attributes are where its tables are.
    """
    tab = page.content() if hasattr(page, "content") else page
    return [v for v in vars(tab).values() if isinstance(v, QAbstractItemView) and v.isVisibleTo(page)]
