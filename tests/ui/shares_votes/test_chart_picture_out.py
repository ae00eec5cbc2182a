"""The voting-power chart goes out as a picture fit for slides: copied to the clipboard or saved, titled with
the network, the subject and the date."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication

from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.workspace.network.partner_commands import rename_network
from imagingnet_desktop.workspace.network.partner_import import create_demo


def test_copy_puts_a_slide_sized_titled_picture_on_the_clipboard(qtbot, tmp_path):
    workspace = create_demo(tmp_path / "demo.imagingnet")
    rename_network(workspace, "Coast & Moor ŵ Imaging Network")
    tab = SharesVotesTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    page = tab.chart_page
    qtbot.waitUntil(lambda: page.network_name != "")
    QGuiApplication.clipboard().clear()

    page.copy_button.click()
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (2000, 1120)
    assert "Copied the chart (2000 × 1120 pixels)" in page.saved_message.text()

    titles = page.picture_titles(tab.analysis)
    today = date.today()
    assert titles["title"].splitlines() == [  # network, scenario and date: the picture says what it shows
        f"Coast & Moor ŵ Imaging Network — {tab.analysis.scenario.name} — {today.day} {today:%B %Y}",
        "Share of votes and real voting power (%)"]
    assert "Simple majority" in titles["subtitle"]

    target = tmp_path / "chart.png"
    page._ask_png_path = lambda: str(target)
    page.save_button.click()
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    tab.detach()
    workspace.close()


def test_nothing_is_copied_before_there_is_a_chart(qtbot):
    from imagingnet_desktop.ui.shares_votes.pages import ChartPage

    page = ChartPage()
    qtbot.addWidget(page)
    QGuiApplication.clipboard().setText("kept")
    page.copy_png()
    assert QGuiApplication.clipboard().text() == "kept"
    assert page.saved_message.text().startswith("Nothing to copy yet")
