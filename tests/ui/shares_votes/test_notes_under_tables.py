"""The notes under the Shares & votes tables take the room the table leaves once every partner's row is in
view: at 1280×720 in presentation mode the smallest passing and blocking groups are read whole, not in a
two-line box that scrolls; a group ("NSH + EMV + KBD") is kept on one line where that leaves them whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from imagingnet_desktop.ui.shell.fit_check import each_page, show_as_screen
from imagingnet_desktop.ui.shell.main_window import MainWindow
from record_helpers import keep_app_look  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("keep_app_look")  # presentation mode changes the app font


@pytest.fixture
def window(demo_window):  # type: ignore[no-untyped-def]
    return demo_window


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_smallest_groups_are_read_whole_under_every_partner(window: MainWindow, width: int, height: int,
                                                                presentation: bool) -> None:
    app = QApplication.instance()
    index = [window.tab_widget.widget(i).spec.key for i in range(window.tab_widget.count())].index("shares")
    show_as_screen(window, app, width, height, presentation=presentation)
    list(each_page(window, app, index))
    tab = window.tab("shares")
    page = tab.power_page
    tab.pages.setCurrentWidget(page)
    show_as_screen(window, app, width, height, presentation=presentation)
    area = page.coalitions_area
    text = page.coalitions.text()
    assert "Smallest groups that can pass" in text and "Smallest groups that can block" in text
    assert area.verticalScrollBar().maximum() == 0, "the groups scroll in a cramped box"
    assert area.height() >= page.coalitions.heightForWidth(area.viewport().width())
    if not (presentation and width == 1280):  # there, whole groups would need one line more than there is
        assert "NSH + EMV" not in text and "NSH\u00a0+\u00a0EMV" in text  # a line breaks between groups
    table = page.table
    rows = table.model().rowCount()
    last = table.rowViewportPosition(rows - 1) + table.rowHeight(rows - 1)
    assert 0 < last <= table.viewport().height(), "every partner's row (and the total) is in view"
