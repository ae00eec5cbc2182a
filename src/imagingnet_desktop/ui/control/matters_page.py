"""Reserved matters: each matter's rule, vetoes, who decides, tolerance and deadlock route, and under the agreed
votes who can block it alone and the smallest groups that can pass it (from the voting engine)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from imagingnet_desktop.domain.control.reserved_matters import (
    DecidedBy,
    MatterOutcome,
    MatterPurpose,
    ReservedMatter,
    ToleranceKind,
    deadlock_route,
    fraction_text,
    parse_fraction,
    tolerance_text,
)
from imagingnet_desktop.domain.control.typed_values import parse_partner_codes
from imagingnet_desktop.domain.figure_text import vote_share_percent
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.number_text import parse_number, parse_whole
from imagingnet_desktop.domain.rule_names import RULE_KIND_NAMES
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.control.page_parts import button, button_row, note
from imagingnet_desktop.ui.control.rows_model import Column, RowsModel, RowsTable
from imagingnet_desktop.workspace.control import matters
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS, VETO_HOLDERS
from imagingnet_desktop.workspace.control.matters import AgreedVotes
from imagingnet_desktop.workspace.workspace import Workspace

RULE_NAMES = RULE_KIND_NAMES
RULES = {name: kind for kind, name in RULE_NAMES.items()}
DECIDERS = {d.label: d for d in DecidedBy}
PURPOSES = {p.label: p for p in MatterPurpose}
ROUTES = {"CEOs → mediation → dispute": (True, True),  # the detail below spells each stage out
          "CEOs → dispute": (True, False),
          "Mediation → dispute": (False, True),
          "Dispute clause only": (False, False)}
BLOCKER_COLOUR = "#b3261e"


def purpose_cell(matter: ReservedMatter) -> str:
    return "—" if matter.purpose is MatterPurpose.NONE else matter.purpose.label


def route_name(matter: ReservedMatter) -> str:
    wanted = (matter.escalate_chief_executives, matter.escalate_mediation)
    return next(name for name, flags in ROUTES.items() if flags == wanted)


def parse_tolerance(text: str) -> tuple[ToleranceKind, Decimal | None]:
    """``£500,000`` -> amount; ``5%`` -> deviation from the plan; empty, ``none`` or ``always`` -> always reserved."""
    cleaned = text.strip().casefold()
    if cleaned in ("", "none", "always", "always reserved", "-", "–"):
        return ToleranceKind.NONE, None
    if "%" in cleaned:
        return ToleranceKind.PERCENT, parse_number("The tolerance", cleaned)
    if "£" in cleaned:
        return ToleranceKind.GBP, parse_number("The tolerance", cleaned)
    raise FieldError("Give the tolerance as an amount such as £500,000 or a deviation such as 5%, "
                     "or leave it empty when the matter is always reserved.")


def tolerance_cell(matter: ReservedMatter) -> str:
    if matter.tolerance_kind is ToleranceKind.GBP and matter.tolerance_value is not None:
        return f"£{matter.tolerance_value:,f}"
    if matter.tolerance_kind is ToleranceKind.PERCENT and matter.tolerance_value is not None:
        return f"{matter.tolerance_value:f}%"
    return "always"


class MattersPage(QWidget):
    def __init__(self, workspace: Workspace, run: Callable[[Callable[[], object]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._run = run
        self.agreed: AgreedVotes | None = None
        self._shown: object = None  # what the page shows was worked out from (skip the same again)
        self.outcomes: dict[int, MatterOutcome] = {}
        self.model = RowsModel(self._columns(), self)
        self.table = RowsTable(self.model, "Reserved matters", stretch=0)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.votes_note = note(name="agreedVotesNote")
        theme.use_font(self.votes_note, 1.05, bold=True)
        self.votes_note.setStyleSheet(f"color: {theme.ACCENT};")
        self.detail = note(name="matterDetail")
        theme.use_font(self.detail, 1.1)
        self.add_button = button("Add matter", self.add, "Add a reserved matter (then type its title)")
        self.delete_button = button("Delete matter", self.delete, "Delete the selected reserved matter")

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(button_row("Reserved matters and who can block them", self.add_button, self.delete_button))
        column.addWidget(self.votes_note)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(vertical_scroll(self.detail))
        splitter.setSizes([420, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    # ------------------------------------------------------------------ columns
    def _partners(self) -> list[tuple[int, str]]:
        return [(p.id, p.code) for p in self._workspace.network.partners]

    def _vetoes(self, matter: ReservedMatter) -> str:
        codes = dict(self._partners())
        return ", ".join(codes[pid] for pid in matters.veto_partner_ids(self._workspace, matter.id))

    def blockers_text(self, matter: ReservedMatter) -> str:
        outcome = self.outcomes.get(matter.id)
        if outcome is None or self.agreed is None:
            return ""
        if outcome.problem:
            return "⚠ cannot be worked out"
        found = self.agreed.codes_of(outcome.single_blockers)
        if found and len(found) == len(self.agreed.codes) and len(found) > 1:
            return "✖ any partner"
        return "✖ " + ", ".join(found) if found else "✔ nobody alone"

    def passing_text(self, matter: ReservedMatter) -> str:
        outcome = self.outcomes.get(matter.id)
        if outcome is None or outcome.problem or not outcome.min_passing:
            return ""
        fewest = len(outcome.min_passing[0])
        return f"{fewest} partner{'s' if fewest != 1 else ''}"

    def _columns(self) -> list[Column]:
        ws = self._workspace

        def fraction(m: ReservedMatter, text: str) -> None:
            num, den = parse_fraction(text)
            matters.edit_matter(ws, m.id, rule_kind=RuleKind.QUALIFIED, fraction_num=num, fraction_den=den)

        def minimum(m: ReservedMatter, text: str) -> None:
            if m.rule_kind is RuleKind.UNANIMITY and text.strip():
                raise FieldError("Under unanimity every partner must agree already: no minimum is needed.")
            matters.edit_matter(ws, m.id, min_partners=parse_whole("The minimum number of partners", text,
                                                                   low=1, high=100))

        def tolerance(m: ReservedMatter, text: str) -> None:
            kind, value = parse_tolerance(text)
            matters.edit_matter(ws, m.id, tolerance_kind=kind, tolerance_value=value)

        def route(m: ReservedMatter, text: str) -> None:
            ceo, mediation = ROUTES[text]
            matters.edit_matter(ws, m.id, escalate_chief_executives=ceo, escalate_mediation=mediation)

        return [
            Column("Reserved matter", lambda m: m.title, lambda m, t: matters.edit_matter(ws, m.id, title=t),
                   bold=True),
            Column("Can block alone", self.blockers_text,
                   colour=lambda m: BLOCKER_COLOUR if self.blockers_text(m).startswith("✖") else "#006b4f"),
            Column("Fewest to pass", self.passing_text),
            Column("Rule", lambda m: RULE_NAMES[m.rule_kind],
                   lambda m, t: matters.edit_matter(ws, m.id, rule_kind=RULES[t]), choices=lambda m: list(RULES)),
            Column("Of votes", lambda m: fraction_text(m) or ("all" if m.rule_kind is RuleKind.UNANIMITY else "> 1/2"),
                   fraction, edit_text=fraction_text),
            Column("Min.", lambda m: str(m.min_partners or ""), minimum),
            Column("Vetoes", self._vetoes,
                   lambda m, t: matters.set_vetoes(ws, m.id, parse_partner_codes("Vetoes", t, self._partners()))),
            Column("Decided by", lambda m: m.decided_by.label,
                   lambda m, t: matters.edit_matter(ws, m.id, decided_by=DECIDERS[t]), choices=lambda m: list(DECIDERS)),
            Column("Tolerance", tolerance_cell, tolerance, edit_text=lambda m: "" if tolerance_cell(m) == "always"
                   else tolerance_cell(m)),
            Column("Deadlock route", route_name, route, choices=lambda m: list(ROUTES)),
            Column("Purpose", purpose_cell, lambda m, t: matters.set_purpose(ws, m.id, PURPOSES[t]),
                   choices=lambda m: list(PURPOSES), edit_text=lambda m: m.purpose.label,
                   tooltip=purpose_tip),
        ]

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        ws = self._workspace
        agreed = matters.agreed_votes(ws)
        key = (agreed, ws.rows(RESERVED_MATTERS), ws.rows(VETO_HOLDERS), ws.network.partners, ws.read_only)
        if key == self._shown:
            return  # a setting of another tab changed, not the agreed votes
        self._shown = key
        self.agreed, found = matters.matter_outcomes(ws, agreed)
        self.outcomes = {m.id: o for m, o in found}
        votes = self.agreed.votes
        if votes is None:
            text = f"⚠ The agreed votes ({self.agreed.scenario_name}) cannot be worked out: {self.agreed.problem}"
        else:
            total = sum(votes) or 1
            shares = ", ".join(f"{c} {vote_share_percent(Fraction(v, total))}"
                               for c, v in zip(self.agreed.codes, votes, strict=True))
            text = f"Under the agreed votes — {self.agreed.scenario_name}: {shares}"
        self.votes_note.setText(text)
        self.model.read_only = ws.read_only
        self.model.set_rows([m for m, _ in found])
        self.show_detail()

    def show_detail(self) -> None:
        matter = self.table.current_row()
        if matter is None:
            self.detail.setText("Choose a matter to see its rule in words and every group that can pass it.")
            return
        self.detail.setText(detail_text(self._workspace, matter, self.outcomes.get(matter.id), self.agreed))

    # ------------------------------------------------------------------ buttons
    def add(self) -> None:
        def adding() -> None:
            added = matters.add_matter(self._workspace, "New reserved matter")
            row = [m.id for m in self.model.rows].index(added.id)
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

        self._run(adding)

    def delete(self) -> None:
        matter = self.table.current_row()
        if matter is not None:
            self._run(lambda: matters.delete_matter(self._workspace, matter.id))


def purpose_tip(matter: ReservedMatter) -> str:
    if matter.purpose is MatterPurpose.EXIT:
        return "The MOU and heads of terms give this matter's rule for a partner's exit."
    if matter.purpose is MatterPurpose.ADMISSION:
        return "The MOU and heads of terms give this matter's rule for admitting a new partner."
    return ("Choose “Exit of a partner” or “Admission of a partner” for the one matter whose rule the drafts give "
            "for a partner leaving or joining.")


def detail_text(workspace: Workspace, matter: ReservedMatter, outcome: MatterOutcome | None,
                agreed: AgreedVotes | None) -> str:
    lines = [f"{matter.title}: {matters.matter_rule_text(workspace, matter)}.",
             f"Decided by the {matter.decided_by.label}. Tolerance: {tolerance_text(matter)}. "
             f"Deadlock: {' → '.join(deadlock_route(matter))}."]
    if matter.purpose is not MatterPurpose.NONE:
        lines.append(purpose_tip(matter))
    if outcome is None or agreed is None:
        return "\n".join(lines)
    if outcome.problem:
        lines.append(f"⚠ {outcome.problem}")
        return "\n".join(lines)
    if outcome.game is not None:
        lines.append(f"Needs {outcome.game.quota:,} of {sum(outcome.game.weights):,} votes"
                     + (f" and at least {outcome.game.min_members} partners" if outcome.game.min_members else "")
                     + ".")
    blockers = agreed.codes_of(outcome.single_blockers)
    lines.append("Can block it alone: " + (", ".join(blockers) if blockers else "nobody") + ".")
    groups = ["+".join(agreed.codes_of(g)) for g in outcome.min_passing]
    lines.append(f"Smallest groups that can pass it ({outcome.passing_total}): " + "; ".join(groups) + ".")
    return "\n".join(lines)
