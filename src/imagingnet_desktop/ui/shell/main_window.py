"""The main window: one open workspace shown as six tabs in workshop order, with the menus around them.

The window owns the open ``Workspace``: it opens, creates and closes it, rebuilds the tabs for it, and
listens to its changes only for what the window itself shows (title, Undo/Redo labels). Every file dialog
and question goes through an ``_ask_*`` or ``_show_*`` method so tests can replace it. Dialogs and the import
code are imported when first needed: they are not on the path to the first painted window.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QTabWidget, QWidget

from imagingnet_desktop.domain.network.network import checked_network_name
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store import (
    WorkspaceError,
    WorkspaceInUseError,
    WorkspaceMissingError,
    WorkspaceReadOnlyError,
    WorkspaceSaveError,
)
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shell import main_actions
from imagingnet_desktop.ui.shell.settings import WORKSPACE_SUFFIX, AppSettings, documents_folder, unused_path
from imagingnet_desktop.ui.shell.start_page import StartPage
from imagingnet_desktop.ui.shell.tab_host import TabHost
from imagingnet_desktop.ui.shell.tab_specs import TABS
from imagingnet_desktop.ui.shell.window_bars import WindowBars
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.exports.export import ExportOutcome
    from imagingnet_desktop.workspace.exports.history import ExportKind
    from imagingnet_desktop.workspace.network.partner_import import ImportRefused

APP_TITLE = "ImagingNet Desktop"
WORKSPACE_FILTER = f"ImagingNet workspaces (*{WORKSPACE_SUFFIX});;All files (*)"
IMPORT_FILTER = "Partner baselines (*.csv *.xlsx);;All files (*)"
EXPORT_FILTER = "Word documents (*.docx)"
TYPE_STEP = 0.1
MIN_TYPE_ZOOM = 0.8
MAX_TYPE_ZOOM = 1.6
PRESENTATION_HINT = "Presentation mode — press F11 or Esc to leave"


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, *, remember: bool = True, parent: QWidget | None = None) -> None:
        """``remember=False`` (smoke checks) leaves the recent list and saved geometry untouched."""
        super().__init__(parent)
        self.settings = settings
        self.remember = remember
        self.workspace: Workspace | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._presenting = False  # the state presentation mode is in, whatever the window manager did since
        self._normal_geometry: QRect | None = None
        self._was_maximized = False
        self._presenting = False
        self._type_zoom = allowed_zoom(settings.type_zoom())  # Ctrl+= / Ctrl+- / Ctrl+0, kept between runs
        self._stepping = False
        self._note: QLabel | None = None  # the note floating over the bottom corner (built when first shown)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self._clear_note)

        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setObjectName("mainTabs")
        self.tab_widget.tabBar().setStyleSheet(theme.tab_bar_style())
        # A style sheet on the tab bar stops the tabs following the app font; set it, so presentation mode scales
        # every tab (and each tab hears of it: FontChange).
        theme.use_font(self.tab_widget, 1.0)
        self._start_page: StartPage | None = None  # built only when first needed
        self._stack = QStackedWidget()
        self._stack.addWidget(self.tab_widget)
        self.setCentralWidget(self._stack)
        self.bars = WindowBars.above_the_tabs(self)  # "not saved" (stays until dismissed), read-only, notices
        self.actions_ = main_actions.build(self)
        self.statusBar()
        if self._type_zoom != 1.0:
            self._apply_type_size()
        self._restore_window()
        self._refresh()

    # ================================================================= dialogs (tests replace these)
    def _ask_open_path(self) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Open workspace", str(self._folder()), WORKSPACE_FILTER)
        return path or None

    def _ask_new_path(self, suggested_name: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        start = unused_path(self._folder(), suggested_name)
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the new workspace as", str(start), WORKSPACE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path or None

    def _ask_network_name(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, "New workspace", "Name of the imaging network:",
                                        text="Untitled imaging network")
        return name if ok else None

    def _ask_import_path(self) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Import partners", str(self._folder()), IMPORT_FILTER)
        return path or None

    def _ask_export_path(self, title: str, suggested: Path) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested), EXPORT_FILTER)
        return path or None

    def _ask_open_export(self, outcome: ExportOutcome) -> str | None:
        """Offer to open the exported document or its folder: ``"document"``, ``"folder"`` or None."""
        from imagingnet_desktop.ui.shell import dialogs

        still = (f"{outcome.open_matters} matter{'s' if outcome.open_matters != 1 else ''} still open "
                 f"{'are' if outcome.open_matters != 1 else 'is'} listed in Annex A.")
        return dialogs.ask_open_export(
            self, f"The {outcome.kind.draft_name}, version {outcome.version}, is saved as {outcome.path.name}.",
            f"{still if outcome.open_matters else 'No matter is recorded as open.'}\nFolder: {outcome.path.parent}")

    def _open_location(self, path: Path) -> bool:
        """Open a file or folder with the program the system uses for it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _ask_take_over(self, message: str) -> bool:
        from imagingnet_desktop.ui.shell import dialogs

        return dialogs.ask_take_over(self, message)

    def _show_error(self, title: str, text: str) -> None:
        from imagingnet_desktop.ui.shell import dialogs

        dialogs.show_error(self, title, text)

    def _show_error_with_details(self, title: str, error: WorkspaceError) -> None:
        if not error.details:
            self._show_error(title, str(error))
            return
        from imagingnet_desktop.ui.shell import dialogs

        dialogs.show_error(self, title, str(error), details=error.details)

    def _show_import_problems(self, refused: ImportRefused) -> None:
        from imagingnet_desktop.ui.shell import dialogs

        dialogs.show_import_problems(self, refused.path.name, refused.problems)

    # ================================================================= opening and closing workspaces
    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open the workspace at ``path`` in place of the current one; on failure say why and keep the current."""
        path = Path(path)
        if self.workspace is not None and _same_file(self.workspace.path, path):
            self.statusBar().showMessage(f"{path.name} is already open.", 8000)
            return True
        try:
            try:
                workspace = Workspace.open(path)
            except WorkspaceInUseError as exc:
                if not exc.can_take_over:  # another copy on this computer is running: never taken from it
                    raise
                if not self._ask_take_over(str(exc)):
                    return False
                workspace = Workspace.open(path, take_over=True)
            except WorkspaceReadOnlyError:
                workspace = Workspace.open_read_only(path)  # shown with a read-only banner, edits disabled
        except WorkspaceError as exc:
            if isinstance(exc, WorkspaceMissingError) and self.remember:
                self.settings.remove_recent(path)
            self._show_error_with_details("Cannot open the workspace", exc)
            return False
        except Exception as exc:  # an unexpected failure must not end a workshop
            self._show_error("Cannot open the workspace", f"{path.name} could not be opened: {exc}")
            return False
        self.set_workspace(workspace)
        if workspace.backup_path is not None:
            self.statusBar().showMessage(
                f"This workspace was updated to the current file format. The original is kept, unchanged, "
                f"at {workspace.backup_path}"
            )
        return True

    def set_workspace(self, workspace: Workspace) -> None:
        """Show ``workspace`` (already open) in place of the current one, which is closed."""
        self._close_current()
        self.workspace = workspace
        self._unsubscribe = workspace.subscribe(self._on_change)
        self.bars.follow(workspace)
        self.tab_widget.setUpdatesEnabled(False)
        for spec in TABS:
            self.tab_widget.addTab(TabHost(spec, workspace), spec.title.replace("&", "&&"))
        self.tab_widget.setCurrentIndex(0)
        self._host(0).content()  # the first tab now; the others on their first visit
        self.tab_widget.setUpdatesEnabled(True)
        self._stack.setCurrentWidget(self.tab_widget)
        if self.remember:
            self.settings.add_recent(workspace.path)
        self._refresh()

    def close_workspace(self) -> None:
        """Close the open workspace (the file is left self-contained), remove its tabs, show the start page."""
        self._close_current()
        self._show_start_page()
        self._refresh()

    def _close_current(self) -> None:
        if self.workspace is not None:
            self._flush_tabs()  # a slider step still waiting for its pause is kept, not lost
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        # Tab 0 is built already; removing the rest last first never shows (and so builds) an unvisited tab.
        self.tab_widget.setCurrentIndex(0)
        while self.tab_widget.count():
            host = self._host(self.tab_widget.count() - 1)
            self.tab_widget.removeTab(self.tab_widget.count() - 1)
            host.detach()  # a tab that listens to the workspace stops listening before it is closed
            host.deleteLater()
        if self.workspace is not None:
            workspace, self.workspace = self.workspace, None
            self.bars.follow(None)
            workspace.close()

    @property
    def start_page(self) -> StartPage:
        if self._start_page is None:
            self._start_page = StartPage(self.new_demo_workspace, self.new_workspace, self.open_workspace_dialog)
            self._stack.addWidget(self._start_page)
        return self._start_page

    def _show_start_page(self) -> None:
        if self.workspace is None:
            self._stack.setCurrentWidget(self.start_page)

    def open_workspace_dialog(self) -> None:
        path = self._ask_open_path()
        if path:
            self.open_path(path)

    def open_recent(self, path: Path) -> None:
        self.open_path(path)

    def fill_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path.name.replace('&', '&&')}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not recent:
            menu.addAction("No recent workspaces").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("Clear the list")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.settings.clear_recent)

    def new_workspace(self) -> bool:
        name = self._ask_network_name()
        if name is None:
            return False
        try:
            checked = checked_network_name(name)
        except FieldError as exc:
            self._show_error("New workspace", f"{exc}.")
            return False
        return self._create(checked, lambda path: Workspace.create(path, checked))

    def new_demo_workspace(self) -> bool:
        from imagingnet_desktop.workspace.network.partner_import import DEMO_NETWORK_NAME, create_demo

        return self._create(DEMO_NETWORK_NAME, create_demo)

    def _create(self, suggested_name: str, make: Callable[[Path], Workspace]) -> bool:
        chosen = self._ask_new_path(suggested_name)
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != WORKSPACE_SUFFIX:
            path = path.with_name(path.name + WORKSPACE_SUFFIX)
        try:
            workspace = make(path)
        except WorkspaceError as exc:
            self._show_error("Cannot create the workspace", str(exc))
            return False
        except OSError as exc:
            self._show_error("Cannot create the workspace", f"{path} could not be written: {exc.strerror or exc}")
            return False
        except Exception as exc:  # an unexpected failure must not end a workshop
            self._show_error("Cannot create the workspace", f"{path} could not be created: {exc}")
            return False
        self.set_workspace(workspace)
        self.statusBar().showMessage(f"Created {path}", 8000)
        return True

    # ================================================================= editing
    def import_partners_dialog(self) -> None:
        if self.workspace is None:
            return
        path = self._ask_import_path()
        if not path:
            return
        from imagingnet_desktop.workspace.network.partner_import import ImportRefused, import_partners
        from imagingnet_desktop.workspace.shares_votes.scenarios import agreed_scenario_problem

        self._flush_tabs()
        try:
            outcome = import_partners(self.workspace, path)
        except ImportRefused as refused:  # the bar says so too: an earlier "Imported …" must not stay up
            from imagingnet_desktop.domain.figure_text import plural

            self._import_refused(f"Nothing was imported from {Path(path).name}: "
                                 f"{plural(len(refused.problems), 'problem')} to fix (listed in the window that "
                                 "opened). The workspace is unchanged.")
            self._show_import_problems(refused)
            return
        except (WorkspaceError, PermissionError) as exc:
            self._import_refused(f"Nothing was imported from {Path(path).name}: {exc} The workspace is unchanged.")
            self._show_error("Nothing was imported", str(exc))
            return
        unworkable = agreed_scenario_problem(self.workspace) if outcome.changed else None
        self.statusBar().showMessage(f"{outcome.summary()}{outcome.undo_hint}", 15000)
        text = f"{outcome.headline(Path(path).name)}{outcome.undo_hint}"
        self.bars.show_feedback(f"{text}. ⚠ {unworkable}" if unworkable else text)
        self.show_tab_for(Change.PARTNERS)

    def _import_refused(self, text: str) -> None:
        """Said in the bar and the status bar, in place of what an earlier import did."""
        self.bars.show_refusal(text)
        self.statusBar().showMessage(text, 15000)

    def export_mou_dialog(self) -> Path | None:
        from imagingnet_desktop.workspace.exports.history import ExportKind

        return self.export_draft_dialog(ExportKind.MOU)

    def export_heads_of_terms_dialog(self) -> Path | None:
        from imagingnet_desktop.workspace.exports.history import ExportKind

        return self.export_draft_dialog(ExportKind.HEADS_OF_TERMS)

    def export_draft_dialog(self, kind: ExportKind) -> Path | None:
        """Ask where to save the next version of a draft, write it, then offer to open it or its folder."""
        if self.workspace is None:
            return None
        from imagingnet_desktop.workspace.exports.export import (
            ExportFileError,
            ExportNotRecordedError,
            export_draft,
            suggested_file_name,
        )
        from imagingnet_desktop.workspace.exports.history import next_version

        self._flush_tabs()  # a slider step still waiting for its pause goes into the draft
        suggested = self._folder() / suggested_file_name(self.workspace.network.name, kind,
                                                         next_version(self.workspace, kind))
        chosen = self._ask_export_path(f"Export the {kind.draft_name}", suggested)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = export_draft(self.workspace, kind, path)
        except ExportNotRecordedError as exc:
            self._show_error("The export was not recorded", str(exc))
            return path
        except ExportFileError as exc:
            self._show_error("The draft was not exported", str(exc))
            return None
        except Exception as exc:  # an unexpected failure must not end a workshop
            self._show_error("The draft was not exported", f"{path.name} could not be written: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(outcome.summary(), 15000)
        choice = self._ask_open_export(outcome)
        if choice is not None:
            self._open_location(path if choice == "document" else path.parent)
        return path

    def undo(self) -> None:
        self._step(lambda ws: ws.undo(), "Undo", "Undone", lambda ws: ws.undo_label)

    def redo(self) -> None:
        self._step(lambda ws: ws.redo(), "Redo", "Redone", lambda ws: ws.redo_label)

    def _step(self, step: Callable[[Workspace], Change], what: str, done: str,
              label_of: Callable[[Workspace], str | None]) -> None:
        """Undo or redo, then say in the window what it was and bring the tab where it shows into view."""
        if self.workspace is None:
            return
        self._flush_tabs()  # Ctrl+Z straight after a keyboard slider step undoes that step, not the one before
        label = label_of(self.workspace)
        self._stepping = True
        try:
            change = step(self.workspace)
        except WorkspaceSaveError:
            return  # the "not saved" bar says so (it stays until dismissed); the workspace is as it was
        except (WorkspaceError, PermissionError) as exc:
            self._show_error(f"{what} failed", str(exc))
            return
        finally:
            self._stepping = False
        if not label or not change:
            return
        again = "Ctrl+Shift+Z redoes it" if done == "Undone" else "Ctrl+Z undoes it again"
        text = f"{done}: {label} — {again}"
        self.bars.show_feedback(text)
        self.statusBar().showMessage(text, 8000)
        self.show_tab_for(change, label)

    def show_tab_for(self, change: Change, label: str = "") -> None:
        """Bring the tab (and the page of it) where ``change`` shows into view, if it is not there already."""
        if self.workspace is None:
            return
        current = cast("TabHost | None", self.tab_widget.currentWidget())
        key: str | None
        if current is not None and change & _SHOWN_BY.get(current.spec.key, Change.NONE):
            key = current.spec.key  # the tab on view shows it already (a partner moved, seen in Shares & votes)
        else:
            key = tab_key_for(change)
        if key is None:
            return
        for index in range(self.tab_widget.count()):
            host = self._host(index)
            if host.spec.key == key:
                if self.tab_widget.currentIndex() != index:
                    self.tab_widget.setCurrentIndex(index)
                content = host.content()
                show_change = getattr(content, "show_change", None)
                if callable(show_change):
                    show_change(change, label)
                return

    def _flush_tabs(self) -> None:
        """Commit what any tab holds back (see ``TabHost.flush``) before the window acts on the workspace."""
        for index in range(self.tab_widget.count()):
            self._host(index).flush()

    def _on_change(self, change: Change) -> None:
        if not self._stepping and change & ~Change.UNDO_STACK:
            self.bars.clear_feedback()  # a new edit makes "Undone: …" old news
        self._refresh()

    # ================================================================= view
    def show_tab(self, index: int) -> None:
        if self.workspace is not None and 0 <= index < self.tab_widget.count():
            self.tab_widget.setCurrentIndex(index)
            self._host(index).content().setFocus()

    def tab(self, key: str) -> QWidget | None:
        """The tab for ``key`` (see ``tab_specs.TABS``), built if need be; None without a workspace."""
        for index in range(self.tab_widget.count()):
            host = self._host(index)
            if host.spec.key == key:
                return host.content()
        return None

    def _host(self, index: int) -> TabHost:
        """The page at ``index`` of the tab widget: every page is a ``TabHost`` (see ``set_workspace``)."""
        return cast(TabHost, self.tab_widget.widget(index))

    @property
    def presenting(self) -> bool:
        return self._presenting

    def toggle_presentation_mode(self) -> None:
        """F11: from the mode the window is in (not from what the window manager did to full screen)."""
        self.set_presentation_mode(not self._presenting)

    def set_presentation_mode(self, on: bool) -> None:
        """Full screen, type scaled by ``theme.PRESENTATION_SCALE``, menu and status bars hidden (F11 or Esc
        leave). Driven by the mode's own state: leaving always puts back the type, the bars and the exact
        window that was there before, even if the window manager took the window out of full screen."""
        action = self.actions_.presentation
        if action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        if on == self._presenting:
            if on and not self.isFullScreen():
                self.showFullScreen()  # the window manager let go of full screen: take it again
            return
        self._presenting = on
        if on:
            self._was_maximized = self.isMaximized()
            self._normal_geometry = QRect(self.geometry())
            self._apply_type_size()
            self.menuBar().hide()
            self.statusBar().hide()  # the room needs the height; messages show in the window
            self.showFullScreen()
            self._show_presentation_hint()
        else:
            self._apply_type_size()
            self.menuBar().show()
            self.statusBar().show()
            self._clear_note()
            self.showNormal()
            # Let every tab refit to the normal type first (their minimum sizes shrink a step later), so the
            # window can go back to exactly its old size; and once more after anything still pending.
            QApplication.processEvents()
            self._restore_normal_window()
            QTimer.singleShot(0, self, self._restore_normal_window)

    def _restore_normal_window(self) -> None:
        if self._presenting:
            return
        # Layouts still waiting to shrink to the normal type (a tab refits a step after the type changes) would
        # hold the window wider than it was: let them settle first.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        if self._normal_geometry is not None and not self._was_maximized and self.geometry() != self._normal_geometry:
            self.setGeometry(self._normal_geometry)
        if self._was_maximized and not self.isMaximized():
            self.showMaximized()

    def _show_presentation_hint(self) -> None:
        self.show_note(PRESENTATION_HINT, 6000)

    def show_note(self, text: str, msec: int) -> None:
        """``text`` floating over the bottom corner for ``msec``: seen in presentation mode, which hides the
        status bar, and it moves nothing on the screen. A new note takes the place of the one shown."""
        if self._note is None:
            self._note = QLabel(self)
            self._note.setObjectName("presentationHint")
            self._note.setStyleSheet("#presentationHint { background: #1f3a5f; color: #ffffff; padding: 8px 14px;"
                                     " border-radius: 4px; }")
        self._note.setText(text)
        self._note.setFont(theme.font(1.0, bold=True))
        self._note.adjustSize()
        self._place_note()
        self._note.show()
        self._note.raise_()
        self._note_timer.start(msec)

    def _place_note(self) -> None:
        if self._note is not None:
            self._note.move(max(0, self.width() - self._note.width() - 16),
                            max(0, self.height() - self._note.height() - 16))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_note()  # full screen may arrive after the note is shown: it keeps to the corner

    def note_text(self) -> str:
        """The floating note's text ("" when none is shown)."""
        return self._note.text() if self._note is not None and not self._note.isHidden() else ""

    def _clear_note(self) -> None:
        self._note_timer.stop()
        if self._note is not None:
            self._note.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._presenting:
            self.set_presentation_mode(False)  # an Esc no editor or dialog used
            event.accept()
            return
        super().keyPressEvent(event)

    def change_type_size(self, steps: int) -> None:
        """Ctrl+= / Ctrl+- : the type a step (10%) larger or smaller, on top of presentation mode's 150%;
        ``steps == 0`` (Ctrl+0) puts it back to the normal size."""
        zoom = allowed_zoom(1.0 if steps == 0 else self._type_zoom + steps * TYPE_STEP)
        if zoom != self._type_zoom:
            self._type_zoom = zoom
            self._apply_type_size()
            if self.remember:
                self.settings.save_type_zoom(zoom)  # the next run starts at this size
        text = f"Type size {round(zoom * 100)}% — Ctrl+0 for the normal size"
        self.statusBar().showMessage(text, 4000)
        if self._presenting:
            self.show_note(text, 4000)  # the status bar is hidden there

    @property
    def type_zoom(self) -> float:
        return self._type_zoom

    def _apply_type_size(self) -> None:
        mode = theme.PRESENTATION_SCALE if self._presenting else 1.0
        theme.apply(cast(QApplication, QApplication.instance()), scale_factor=mode * self._type_zoom)
        self.tab_widget.tabBar().setStyleSheet(theme.tab_bar_style())

    def show_about(self) -> None:
        from imagingnet_desktop.ui.shell import dialogs

        dialogs.show_about(self)

    def _refresh(self) -> None:
        workspace = self.workspace
        undo_label = workspace.undo_label if workspace else None
        redo_label = workspace.redo_label if workspace else None
        self.actions_.undo.setEnabled(undo_label is not None)
        self.actions_.undo.setText(f"&Undo {_escape(undo_label)}" if undo_label else "&Undo")
        self.actions_.redo.setEnabled(redo_label is not None)
        self.actions_.redo.setText(f"&Redo {_escape(redo_label)}" if redo_label else "&Redo")
        self.actions_.import_partners.setEnabled(workspace is not None and not workspace.read_only)
        self.actions_.export_mou.setEnabled(workspace is not None)
        self.actions_.export_heads_of_terms.setEnabled(workspace is not None)
        for action in self.actions_.go_to_tab:
            action.setEnabled(workspace is not None)
        self.setWindowTitle(self.title())

    def title(self) -> str:
        if self.workspace is None:
            return APP_TITLE
        name = self.workspace.network.name.replace("[*]", "[*][*]")  # Qt reads "[*]" as a marker
        return f"{name} — {self.workspace.path.name} — {APP_TITLE}"

    def _folder(self) -> Path:
        if self.workspace is not None:
            return self.workspace.path.parent
        recent = next((p.parent for p in self.settings.recent_files() if p.parent.is_dir()), None)
        return recent or documents_folder()

    # ================================================================= window state
    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width = min(1280, available.width()) if available else 1280
            height = min(800, available.height()) if available else 800
            self.resize(width, height)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._show_start_page()  # shown without a workspace: offer the ways to get one
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.set_presentation_mode(False)
        if self._type_zoom != 1.0:  # the app's type is left as it was found; the chosen size is kept for next time
            self._type_zoom = 1.0
            self._apply_type_size()
        if self.remember:
            self.settings.save_window(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        self._close_current()
        self._refresh()
        super().closeEvent(event)


_TAB_OF_CHANGE = (
    (Change.PARTNERS | Change.NETWORK_NAME, "network"),
    (Change.PROGRAMME, "programme"),
    (Change.COMMERCIAL, "commercial"),
    (Change.SCENARIOS | Change.TAB_STATE, "shares"),
    (Change.CONTROL, "control"),
    (Change.RECORD, "record"),
)


_SHOWN_BY = {
    "network": Change.PARTNERS | Change.NETWORK_NAME,
    "shares": Change.PARTNERS | Change.TAB_STATE | Change.SCENARIOS,
}


def allowed_zoom(zoom: float) -> float:
    """A type size within the limits, in whole steps of a hundredth (a saved 9.0 or 0.1 is brought within)."""
    return round(min(MAX_TYPE_ZOOM, max(MIN_TYPE_ZOOM, zoom)), 2)


def tab_key_for(change: Change) -> str | None:
    """The tab where ``change`` shows (the first that shows any part of it)."""
    for flags, key in _TAB_OF_CHANGE:
        if change & flags:
            if flags & Change.PARTNERS and change & ~(Change.PARTNERS | Change.NETWORK_NAME | Change.UNDO_STACK):
                continue  # a partner removed with the rows that named it: show where those rows are
            return key
    return None


def _escape(label: str | None) -> str:
    return (label or "").replace("&", "&&")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False
