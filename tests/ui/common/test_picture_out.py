"""The drawn pictures (heat-map, spectrum, seats, rotation timeline) copy and save for slides: twice their
size on screen, under a title naming the network, the subject and the date."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from imagingnet_desktop.ui.commercial.commercial_tab import CommercialTab
from imagingnet_desktop.ui.common import picture_out
from imagingnet_desktop.ui.control.control_tab import ControlTab
from imagingnet_desktop.ui.programme.programme_tab import ProgrammeTab


def _actions(widget) -> dict[str, object]:
    return {a.text(): a for a in widget.actions()}


def test_the_title_names_network_subject_and_date() -> None:
    assert picture_out.picture_title("Coast ŵ Network", "Board seats", date(2027, 3, 1)) == \
        "Coast ŵ Network — Board seats — 1 March 2027"


def test_each_drawn_picture_copies_at_twice_its_size_and_saves_as_png(workspace, qtbot, tmp_path, monkeypatch):
    programme, commercial, control = ProgrammeTab(workspace), CommercialTab(workspace), ControlTab(workspace)
    for tab in (programme, commercial, control):
        qtbot.addWidget(tab)
        tab.resize(1280, 720)
        tab.show()
    control.pages.setCurrentWidget(control.positions)
    commercial.stages.setCurrentIndex(0)
    pictures = [(programme.heat_map, programme.message), (commercial.spectrum_page.spectrum,
                commercial.spectrum_page.message), (control.positions.seats, control.message),
                (control.positions.timeline, control.message)]
    for widget, message in pictures:
        QApplication.processEvents()
        actions = _actions(widget)
        assert set(actions) == {"Copy picture", "Save picture as PNG…"}
        QGuiApplication.clipboard().clear()
        width, height = widget.width(), widget.height()
        actions["Copy picture"].trigger()
        image = QGuiApplication.clipboard().image()
        assert image.width() == int(width * picture_out.SCALE)
        assert image.height() > height * picture_out.SCALE  # and the title above
        target = tmp_path / f"{id(widget)}"
        monkeypatch.setattr(picture_out, "ask_png_path", lambda _parent, _name, t=target: str(t))
        QApplication.processEvents()
        width = widget.width()  # the notice above may have moved the layout
        actions["Save picture as PNG…"].trigger()
        saved = QImage(str(target) + ".png")
        assert not saved.isNull() and saved.width() == int(width * picture_out.SCALE)
        assert f"Saved {target}.png" in message.text()
