"""Screenshots of the Shares & votes and Network tabs with an 8-partner network: 1280x720 and 1920x1080, normal
and presentation mode, every Shares & votes page.

Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/votes_screenshots.py OUT_FOLDER``: writes
``shares-votes-<page>-WxH-<mode>.png`` and ``network-tab[-folded|-scrolled]-WxH-<mode>.png`` (folded: the
dashboard folded away; scrolled: folded and scrolled sideways, at 1280x720); prints the window's width for each (never wider than the size asked for).
"""
import pathlib
import sys
import tempfile
from dataclasses import replace
from fractions import Fraction

from PySide6.QtWidgets import QApplication

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import demo_baselines
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace

EXTRA = (("HLM", "Highmoor Lakes Hospitals NHS Foundation Trust"), ("RVC", "Rivercross University Hospitals NHS Trust"),
         ("DPT", "Dunport and Tarn Valley Healthcare NHS Trust"))


def eight_partner_workspace(path: pathlib.Path) -> Workspace:
    baselines = list(demo_baselines().baselines)
    for (code, name), b in zip(EXTRA, baselines[2:], strict=False):
        baselines.append({**b, "code": code, "name": name})
    partners = tuple(Partner(id=i + 1, **b) for i, b in enumerate(baselines))
    ws = Workspace.create(path, "Northshire & Vale Imaging Network", partners)
    names = ("Votes by activity", "Equal votes", "Votes by total cost", "Two-thirds on activity")
    for i, name in enumerate(names):
        method = VoteMethod.EQUAL if i == 1 else VoteMethod.PROPORTIONAL
        basis = "total_cost" if i == 2 else "activity"
        shares_votes.set_working_scenario(ws, replace(Scenario(name=name), vote_method=method, vote_basis=basis))
        saved = shares_votes.save_scenario(ws, name)
        if i == 0:
            shares_votes.mark_agreed(ws, saved.id)
    shares_votes.set_compared(ws, [s.id for s in shares_votes.saved_scenarios(ws)][:4])
    # On screen: a 75% qualified majority with a veto for NSH, so the warnings have something to say.
    shares_votes.set_working_scenario(ws, replace(
        Scenario(name="Working"), vote_method=VoteMethod.PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
        qualified=Fraction(3, 4), veto_partner_ids=(1,), weights=((Basis.ACTIVITY, 60), (Basis.PAY, 40))))
    return ws


def main() -> None:
    app = QApplication([])
    theme.apply(app)
    d = pathlib.Path(tempfile.mkdtemp())
    ws = eight_partner_workspace(d / "eight.imagingnet")
    path = ws.path
    ws.close()
    out = pathlib.Path(sys.argv[1])
    out.mkdir(exist_ok=True, parents=True)
    win = MainWindow(AppSettings.in_file(d / "settings.ini"), remember=False)
    win.open_path(path)
    win.show()
    pages = ("shares", "power", "chart", "scenarios")
    for mode in ("normal", "presentation"):
        win.set_presentation_mode(mode == "presentation")
        win._clear_presentation_hint()  # the "press F11 or Esc" note floats for a few seconds: not in the pictures
        for w, h in ((1280, 720), (1920, 1080)):
            for _ in range(3):
                win.setGeometry(0, 0, w, h)
                win.resize(w, h)
                app.processEvents()
            for key in ("network", "shares"):
                keys = [win.tab_widget.widget(i).spec.key for i in range(win.tab_widget.count())]
                win.tab_widget.setCurrentIndex(keys.index(key))
                tab = win.tab(key)
                for _ in range(3):
                    app.processEvents()
                if key == "network":
                    for folded in (False, True):
                        tab.dashboard_toggle.setChecked(not folded)
                        for _ in range(3):
                            app.processEvents()
                        name = f"network-tab{'-folded' if folded else ''}-{w}x{h}-{mode}.png"
                        win.grab().save(str(out / name))
                        print(name, win.width())
                        if folded and w == 1280:  # scrolled sideways: the codes stand in the row header
                            bar = tab.table.horizontalScrollBar()
                            bar.setValue(bar.maximum() // 2)
                            for _ in range(3):
                                app.processEvents()
                            name = f"network-tab-scrolled-{w}x{h}-{mode}.png"
                            win.grab().save(str(out / name))
                            print(name, win.width())
                            bar.setValue(0)
                    tab.dashboard_toggle.setChecked(True)
                    continue
                for i, page in enumerate(pages):
                    tab.pages.setCurrentIndex(i)
                    for _ in range(3):
                        app.processEvents()
                    name = f"shares-votes-{page}-{w}x{h}-{mode}.png"
                    win.grab().save(str(out / name))
                    print(name, win.width())
                    if page == "scenarios" and w == 1280:  # the list folded away: the comparison's whole width
                        tab.scenarios.show_list(False)
                        for _ in range(3):
                            app.processEvents()
                        name = f"shares-votes-scenarios-folded-{w}x{h}-{mode}.png"
                        win.grab().save(str(out / name))
                        print(name, win.width())
                        tab.scenarios.show_list(True)
                tab.pages.setCurrentIndex(0)
    win.set_presentation_mode(False)
    win.close()


if __name__ == "__main__":
    main()
