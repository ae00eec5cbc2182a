"""The main window's menus and keyboard shortcuts.

Every action is also added to the window itself, so its shortcut works while the menu bar is hidden
(presentation mode).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from imagingnet_desktop.ui.shell.tab_specs import TABS

if TYPE_CHECKING:
    from imagingnet_desktop.ui.shell.main_window import MainWindow


@dataclass
class MainActions:
    new: QAction
    new_demo: QAction
    open: QAction
    recent_menu: QMenu
    import_partners: QAction
    export_mou: QAction
    export_heads_of_terms: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    presentation: QAction
    larger_type: QAction
    smaller_type: QAction
    normal_type: QAction
    go_to_tab: tuple[QAction, ...]
    about: QAction
    take_snapshot: QAction
    changes_since: QAction


def build(window: MainWindow) -> MainActions:
    bar = window.menuBar()

    def action(text: str, slot: Callable[..., object],
               shortcut: QKeySequence | QKeySequence.StandardKey | str | list[QKeySequence] | None = None) -> QAction:
        act = QAction(text, window)
        if isinstance(shortcut, list):
            act.setShortcuts(shortcut)
        elif shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        window.addAction(act)
        return act

    file_menu = bar.addMenu("&File")
    file_menu.setToolTipsVisible(True)
    new = action("&New workspace…", window.new_workspace, QKeySequence.StandardKey.New)
    new_demo = action("New &demo workspace…", window.new_demo_workspace)
    open_ = action("&Open…", window.open_workspace_dialog, QKeySequence.StandardKey.Open)
    file_menu.addActions([new, new_demo, open_])
    recent_menu = file_menu.addMenu("Open &Recent")
    recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addSeparator()
    import_partners = action("&Import partners…", window.import_partners_dialog, "Ctrl+I")
    file_menu.addAction(import_partners)
    take_snapshot = action("Take &snapshot…", lambda: _snapshots().take_snapshot(window))
    file_menu.addAction(take_snapshot)
    export_menu = file_menu.addMenu("&Export")
    export_menu.setToolTipsVisible(True)
    export_mou = action("Draft &MOU…", window.export_mou_dialog)
    export_hot = action("Draft &heads of terms…", window.export_heads_of_terms_dialog)
    export_mou.setToolTip("Write the next version of the draft memorandum of understanding as a Word file")
    export_hot.setToolTip("Write the next version of the draft heads of terms as a Word file")
    export_menu.addActions([export_mou, export_hot])
    file_menu.addSeparator()
    quit_ = action("&Quit", window.close, QKeySequence.StandardKey.Quit)
    file_menu.addAction(quit_)

    edit_menu = bar.addMenu("&Edit")
    undo = action("&Undo", window.undo, [QKeySequence("Ctrl+Z")])
    redo = action("&Redo", window.redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addActions([undo, redo])

    view_menu = bar.addMenu("&View")
    presentation = action("&Presentation mode", lambda _checked=False: window.toggle_presentation_mode(), "F11")
    presentation.setCheckable(True)
    view_menu.addAction(presentation)
    # Ctrl+= is what most keyboards type for "Ctrl++" without Shift; both work, and the keypad's + and -.
    larger = action("&Larger type", lambda: window.change_type_size(1),
                    [QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence("Ctrl+Shift+=")])
    smaller = action("&Smaller type", lambda: window.change_type_size(-1),
                     [QKeySequence("Ctrl+-"), QKeySequence("Ctrl+_")])
    normal = action("&Normal type size", lambda: window.change_type_size(0), "Ctrl+0")
    view_menu.addActions([larger, smaller, normal])
    changes_since = action("What &changed since…", lambda: _snapshots().show_changes(window))
    view_menu.addAction(changes_since)
    view_menu.addSeparator()
    go_to = []
    for number, spec in enumerate(TABS, start=1):
        act = action(f"Go to {spec.title.replace('&', '&&')}", _go_to(window, number - 1), f"Ctrl+{number}")
        view_menu.addAction(act)
        go_to.append(act)

    help_menu = bar.addMenu("&Help")
    about = action("&About ImagingNet Desktop", window.show_about)
    help_menu.addAction(about)

    return MainActions(
        new=new,
        new_demo=new_demo,
        open=open_,
        recent_menu=recent_menu,
        import_partners=import_partners,
        export_mou=export_mou,
        export_heads_of_terms=export_hot,
        quit=quit_,
        undo=undo,
        redo=redo,
        presentation=presentation,
        larger_type=larger,
        smaller_type=smaller,
        normal_type=normal,
        go_to_tab=tuple(go_to),
        about=about,
        take_snapshot=take_snapshot,
        changes_since=changes_since,
    )


def _snapshots() -> ModuleType:
    from imagingnet_desktop.ui.snapshots import menu  # when first used: not on the start-up path

    return menu


def _go_to(window: MainWindow, index: int) -> Callable[[], None]:
    return lambda: window.show_tab(index)
