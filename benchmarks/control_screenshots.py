"""Screenshots of the main window on the Control tab: 1280x720 and 1920x1080, normal and presentation mode.

Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/control_screenshots.py OUT_FOLDER``: the demo
network with seats allocated and rotating, votes in proportion to activity agreed, a veto, KPI actuals and a
business plan part-way through the Trust Boards; one PNG per page, size and mode (``control-<page>-WxH-<mode>``).
"""
import pathlib
import sys
import tempfile
from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QApplication

from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.control import matters, monitoring
from imagingnet_desktop.workspace.control import positions as seats
from imagingnet_desktop.workspace.control.control_rows import GROUPS, KPIS, PLANS, POSITIONS, RESERVED_MATTERS
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes

app = QApplication([])
theme.apply(app)
d = pathlib.Path(tempfile.mkdtemp())
ws = create_demo(d / "demo.imagingnet")
ids = [p.id for p in ws.network.partners]
pos = ws.rows(POSITIONS)
for p, pid in zip(pos, [ids[0], ids[1], ids[0], ids[2], ids[3]], strict=False):
    seats.allocate(ws, p.id, pid)
for p, order in ((pos[0], ids), (pos[1], list(reversed(ids)))):
    seats.edit_position(ws, p.id, term_start=date(2027, 4, 1))
    seats.set_rotation(ws, p.id, order)
seats.edit_position(ws, pos[2].id, term_start=date(2027, 4, 1))
seats.set_rotation(ws, pos[2].id, [ids[0], ids[2], ids[4]])
shares_votes.set_working_scenario(ws, replace(Scenario(name="Votes by activity"), vote_method=VoteMethod.PROPORTIONAL))
saved = shares_votes.save_scenario(ws, "Votes by activity")
shares_votes.mark_agreed(ws, saved.id)
m = ws.rows(RESERVED_MATTERS)
matters.set_vetoes(ws, m[4].id, [ids[4]])
k = ws.rows(KPIS)
for kpi, actual in zip(k, ["3.2", "96", "92", "31", "11", "2400000", "48"], strict=True):
    monitoring.edit_kpi(ws, kpi.id, actual=Decimal(actual))
monitoring.edit_kpi(ws, k[5].id, target=Decimal(2000000), tolerance=Decimal(250000))
monitoring.edit_kpi(ws, k[6].id, target=Decimal(50), tolerance=Decimal(5))
plan = ws.rows(PLANS)[0]
monitoring.edit_plan(ws, plan.id, draft_date=date(2026, 10, 1), partnership_board_date=date(2026, 11, 20))
monitoring.set_approval(ws, plan.id, ids[0], date(2026, 11, 28))
monitoring.set_approval(ws, plan.id, ids[1], date(2027, 1, 15))
groups = ws.rows(GROUPS)
monitoring.set_members(ws, groups[0].id, ids[:3])
monitoring.set_members(ws, groups[1].id, ids[2:])
path = ws.path
ws.close()

out = pathlib.Path(sys.argv[1])
out.mkdir(exist_ok=True, parents=True)
win = MainWindow(AppSettings.in_file(d / "settings.ini"))
win.open_path(path)
win.show()
names = ["seats", "matters", "kpis", "plan"]
for mode in ("normal", "presentation"):
    if mode == "presentation":
        win.set_presentation_mode(True)
    for w, h in ((1280, 720), (1920, 1080)):
        for _ in range(3):
            win.setGeometry(0, 0, w, h)
            win.resize(w, h)
            app.processEvents()
        tab = win.tab("control")
        win.tab_widget.setCurrentIndex(4)
        for i, name in enumerate(names):
            tab.pages.setCurrentIndex(i)
            if name == "matters":
                tab.matters.table.setCurrentIndex(tab.matters.model.index(4, 0))
            if name == "kpis":
                tab.kpis.table.setCurrentIndex(tab.kpis.model.index(0, 0))
            for _ in range(3):
                app.processEvents()
            img = win.grab()
            img.save(str(out / f"control-{name}-{w}x{h}-{mode}.png"))
            print(name, w, h, mode, img.width(), img.height())
win.close()
