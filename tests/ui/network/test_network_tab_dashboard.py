"""The network dashboard: each national characteristic within / below / above, in words, symbol and colour."""

from __future__ import annotations

from decimal import Decimal

import pytest

from imagingnet_desktop.domain.network.network import CheckStatus, Network
from imagingnet_desktop.domain.network.partner import FOUNDATION_TRUST, NHS_TRUST, Partner
from imagingnet_desktop.ui.network.dashboard import NetworkDashboard, status_colour, text_on
from imagingnet_desktop.ui.network.network_tab import NetworkTab
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace

CHECK_IDS = ("population", "staff", "radiologists", "staff_vacancy", "radiologist_vacancy")


def trust(pid: int, code: str, *, population: int, staff: str, rads: str, staff_vac: str = "5",
          rad_vac: str = "5", ft: bool = False, alliance: str = "", ppci=False, hasu=False) -> Partner:
    return Partner(
        id=pid, code=code, name=f"{code} Hospitals", organisation_type=FOUNDATION_TRUST if ft else NHS_TRUST,
        population_served=population, imaging_staff_wte=Decimal(staff), consultant_radiologists_wte=Decimal(rads),
        staff_vacancy_rate_pct=Decimal(staff_vac), radiologist_vacancy_rate_pct=Decimal(rad_vac),
        cancer_alliance=alliance, ppci_centre=ppci, hyper_acute_stroke_unit=hasu,
    )


@pytest.fixture
def dashboard(qtbot):
    widget = NetworkDashboard()
    qtbot.addWidget(widget)
    return widget


def lines(dashboard: NetworkDashboard, check_id: str) -> list[str]:
    return dashboard.tile(check_id).text().splitlines()


def test_demo_network_on_the_tab(tmp_path, qtbot):
    workspace = create_demo(tmp_path / "demo.imagingnet")
    try:
        tab = NetworkTab(workspace)
        qtbot.addWidget(tab)
        d = tab.dashboard
        # 720k + 560k + 480k + 390k + 300k; WTE-weighted vacancy (526×14 + 301×17 + …) / 1,478 = 15.598%
        assert lines(d, "population") == ["Population served", "2.45m people", "✓ Within range",
                                          "national range 1.5–4.5m"]
        assert lines(d, "staff") == ["Imaging staff", "1,478 WTE", "✓ Within range", "national range 800–1,500"]
        assert lines(d, "radiologists") == ["Consultant radiologists", "127 WTE", "✓ Within range",
                                            "national range 80–150"]
        assert lines(d, "staff_vacancy") == ["Staff vacancies", "15.6%", "▲ Above 15%", "driver: above 15%"]
        assert lines(d, "radiologist_vacancy") == ["Radiologist vacancies", "13.2%", "▲ Above 12%",
                                                   "driver: above 12%"]
        assert "15.6% — above the 15% driver" in d.tile("staff_vacancy").toolTip()
        assert "3 Foundation Trusts, 2 NHS Trusts" in d.mix_text()
        assert "A private JV is open to Foundation Trusts only" in d.mix_text()
        links = d.links_text()
        assert "Cancer Alliances: Northshire Cancer Alliance, Coast and Moor Cancer Alliance" in links
        assert "PPCI centres: NSH" in links
        assert "Hyper-acute stroke units: NSH, KBD" in links
        tab.detach()
    finally:
        workspace.close()


def test_two_small_trusts_fall_below_every_range(tmp_path, qtbot):
    partners = (
        trust(1, "AAA", population=400_000, staff="210", rads="18", staff_vac="8", rad_vac="6"),
        trust(2, "BBB", population=350_000, staff="190.5", rads="17", staff_vac="10", rad_vac="9"),
    )
    workspace = Workspace.create(tmp_path / "small.imagingnet", "Two Small Trusts", partners)
    try:
        tab = NetworkTab(workspace)
        qtbot.addWidget(tab)
        d = tab.dashboard
        assert lines(d, "population")[1:3] == ["750k people", "▼ Below range"]
        assert lines(d, "staff")[1:3] == ["400.5 WTE", "▼ Below range"]
        assert lines(d, "radiologists")[1:3] == ["35 WTE", "▼ Below range"]
        # (210×8 + 190.5×10) / 400.5 = 8.95%; (18×6 + 17×9) / 35 = 7.46%
        assert lines(d, "staff_vacancy")[1:3] == ["9.0%", "✓ Within 15%"]
        assert lines(d, "radiologist_vacancy")[1:3] == ["7.5%", "✓ Within 12%"]
        assert all(d.tile(c).status is CheckStatus.BELOW for c in ("population", "staff", "radiologists"))
        assert "0 Foundation Trusts, 2 NHS Trusts" in d.mix_text()
        assert "Cancer Alliances: none recorded" in d.links_text()
        # the tab follows edits: raising one trust's vacancy rate makes the driver present
        partner_commands.edit_partner_field(workspace, 1, "staff_vacancy_rate_pct", "40")
        assert lines(d, "staff_vacancy")[1:3] == ["25.7%", "▲ Above 15%"]  # (210×40 + 190.5×10) / 400.5
        workspace.undo()
        assert lines(d, "staff_vacancy")[1:3] == ["9.0%", "✓ Within 15%"]
        tab.detach()
    finally:
        workspace.close()


def test_one_huge_trust_is_above_every_range(dashboard):
    network = Network("Huge", (trust(1, "HUG", population=5_250_000, staff="2100", rads="205.5", ft=True,
                                     staff_vac="16", rad_vac="12.5", alliance="Greater Alliance", ppci=True),))
    dashboard.show_network(network)
    assert lines(dashboard, "population")[1:3] == ["5.25m people", "▲ Above range"]
    assert lines(dashboard, "staff")[1:3] == ["2,100 WTE", "▲ Above range"]
    assert lines(dashboard, "radiologists")[1:3] == ["205.5 WTE", "▲ Above range"]
    assert lines(dashboard, "staff_vacancy")[1:3] == ["16.0%", "▲ Above 15%"]
    assert lines(dashboard, "radiologist_vacancy")[1:3] == ["12.5%", "▲ Above 12%"]
    assert "1 Foundation Trust, 0 NHS Trusts" in dashboard.mix_text()
    assert "All are Foundation Trusts" in dashboard.mix_text()
    assert "PPCI centres: HUG" in dashboard.links_text()
    assert "Hyper-acute stroke units: none" in dashboard.links_text()


def test_boundaries_count_as_within(dashboard):
    network = Network("Edge", (trust(1, "LOW", population=1_500_000, staff="800", rads="150",
                                     staff_vac="15", rad_vac="12"),))
    dashboard.show_network(network)
    for check_id in CHECK_IDS:
        assert dashboard.tile(check_id).status is CheckStatus.WITHIN, check_id
        assert "✓ Within" in lines(dashboard, check_id)[2]


def test_no_figures_yet(dashboard):
    dashboard.show_network(Network("Empty", (Partner(id=1, code="NEW1", name="New partner 1"),)))
    assert lines(dashboard, "staff_vacancy")[1:3] == ["—", "? No figures yet"]
    assert lines(dashboard, "population")[1:3] == ["0 people", "▼ Below range"]
    dashboard.show_network(Network("Nobody"))
    assert "Add the partner trusts" in dashboard.mix_text()


def test_never_colour_alone(dashboard):
    dashboard.show_network(Network("Small", (trust(1, "S", population=100_000, staff="10", rads="1",
                                                     staff_vac="50"),)))
    colours = {}
    for check_id in CHECK_IDS:
        tile = dashboard.tile(check_id)
        verdict = lines(dashboard, check_id)[2]
        symbol, word = verdict.split()[:2]
        assert symbol in "✓▲▼?" and word in ("Within", "Below", "Above", "No")
        colours[tile.status] = status_colour(tile.status)
        assert status_colour(tile.status) in tile.styleSheet()
    # below (size), above (staff vacancy 50%), within (radiologist vacancy 5%): three statuses, three colours
    assert set(colours) == {CheckStatus.BELOW, CheckStatus.ABOVE, CheckStatus.WITHIN}
    assert len(set(colours.values())) == 3


def test_badge_text_contrasts_with_its_colour():
    assert text_on("#ffffff") == "#000000"
    assert text_on("#000000") == "#ffffff"
    assert text_on("#0072b2") == "#ffffff"  # blue: white reads better
    assert text_on("#e69f00") == "#000000"  # orange: black reads better


def test_names_with_markup_characters_are_shown_as_typed(dashboard):
    network = Network("Marks", (trust(1, "M&S", population=10, staff="1", rads="1",
                                      alliance="Tyne <b>&</b> Wear — Cymru ŵ"),))
    dashboard.show_network(network)
    assert "Cancer Alliances: Tyne <b>&</b> Wear — Cymru ŵ" in dashboard.links_text()
    body = dashboard._links._body.text()
    assert "Tyne &lt;b&gt;&amp;&lt;/b&gt; Wear" in body  # escaped, so it is never read as markup
