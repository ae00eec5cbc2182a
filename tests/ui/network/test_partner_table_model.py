"""PartnerTableModel: a well-behaved Qt model over the workspace, whose edits are undoable commands in the file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from file_checks import network_in_file
from imagingnet_desktop.domain.network.partner import PARTNER_FIELDS, FieldKind
from imagingnet_desktop.ui.network.display_text import cell_text, edit_text, money, number, people
from imagingnet_desktop.ui.network.partner_table_model import PartnerTableModel
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.workspace import Workspace

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole



@pytest.fixture
def model(workspace, qtbot):
    m = PartnerTableModel(workspace)
    yield m
    m.detach()


def col(name: str) -> int:
    return PartnerTableModel.column_of(name)



@pytest.mark.parametrize("force_py", [False, True])
def test_passes_the_qt_model_tester(qtmodeltester, model, force_py):
    qtmodeltester.check(model, force_py=force_py)


def test_stays_consistent_through_add_delete_move_and_undo(qtmodeltester, model, workspace):
    qtmodeltester.check(model)  # keeps watching the model's signals while it changes
    partner = partner_commands.add_partner(workspace)
    assert model.rowCount() == 6
    assert model.data(model.index(5, col("code"))) == partner.code
    partner_commands.move_partner(workspace, partner.id, 0)
    assert model.headerData(0, Qt.Orientation.Vertical) == partner.code
    partner_commands.delete_partners(workspace, [workspace.network.partners[1].id, partner.id])
    assert model.rowCount() == 4
    workspace.undo()
    workspace.undo()
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == [
        p.code for p in workspace.network.partners
    ]


def test_shape_and_headers(model, workspace):
    assert model.rowCount() == len(workspace.network.partners) == 5
    assert model.columnCount() == len(PARTNER_FIELDS)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert labels == [f.label for f in PARTNER_FIELDS]
    assert model.headerData(2, Qt.Orientation.Vertical) == "KBD"
    assert model.headerData(99, Qt.Orientation.Vertical) is None
    assert model.data(QModelIndex()) is None


def test_display_is_readable_at_a_glance(model):
    nsh = 0
    assert model.data(model.index(nsh, col("population_served"))) == "720,000"
    assert model.data(model.index(nsh, col("imaging_staff_wte"))) == "526"
    assert model.data(model.index(nsh, col("staff_vacancy_rate_pct"))) == "14%"
    assert model.data(model.index(nsh, col("pay_cost_gbp"))) == "£30,980,000"
    assert model.data(model.index(nsh, col("organisation_type"))) == "NHS Foundation Trust"
    assert model.data(model.index(nsh, col("ppci_centre"))) == "Yes"
    assert model.data(model.index(1, col("ppci_centre"))) == "No"


def test_numbers_right_aligned_and_text_left(model):
    for column, spec in enumerate(PARTNER_FIELDS):
        alignment = Qt.AlignmentFlag(model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole))
        numeric = spec.kind in (FieldKind.COUNT, FieldKind.DECIMAL, FieldKind.PERCENT, FieldKind.MONEY)
        assert bool(alignment & Qt.AlignmentFlag.AlignRight) is numeric, spec.name
        assert bool(alignment & Qt.AlignmentFlag.AlignLeft) is not numeric, spec.name


def test_edit_role_gives_the_exact_value(model, workspace):
    partner_commands.edit_partner_field(workspace, workspace.network.partners[0].id, "imaging_staff_wte", "526.125")
    assert model.data(model.index(0, col("imaging_staff_wte")), EDIT) == "526.125"
    assert model.data(model.index(0, col("imaging_staff_wte")), DISPLAY) == "526.13"
    assert model.data(model.index(0, col("pay_cost_gbp")), EDIT) == "30980000"
    assert model.data(model.index(0, col("hyper_acute_stroke_unit")), EDIT) == "Yes"


def test_missing_figures_show_a_dash_and_edit_as_empty(model, workspace):
    partner_commands.add_partner(workspace)
    row = model.rowCount() - 1
    for name in ("population_served", "pay_cost_gbp", "staff_vacancy_rate_pct", "ics", "cancer_alliance"):
        assert model.data(model.index(row, col(name))) == "—", name
        assert model.data(model.index(row, col(name)), EDIT) == "", name
        assert model.data(model.index(row, col(name)), Qt.ItemDataRole.ForegroundRole) is not None


def test_set_data_is_an_undoable_command_in_the_file(model, workspace, qtbot):
    index = model.index(1, col("pay_cost_gbp"))
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.setData(index, "£17,500,000.50")
    assert changed.args[0].row() == 1
    assert model.data(index) == "£17,500,000.50"
    assert network_in_file(workspace.path).partners[1].pay_cost_gbp == Decimal("17500000.50")
    assert workspace.undo_label == "edit EMV Pay £"
    workspace.undo()
    assert model.data(index) == "£17,230,000"
    assert network_in_file(workspace.path).partners[1].pay_cost_gbp == Decimal("17230000")


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("population_served", "-5", "cannot be negative"),
        ("population_served", "abc", "must be a whole number"),
        ("pay_cost_gbp", "nan", "NaN"),
        ("pay_cost_gbp", "inf", "infinity"),
        ("staff_vacancy_rate_pct", "140", "Staff vacancy % must be between 0 and 100, not 140"),
        ("code", "", "cannot be empty"),
        ("code", "nsh", "already used by NSH"),
        ("name", "Kingsbridge and District NHS Foundation Trust", "already used by KBD"),
    ],
)
def test_a_refused_value_changes_nothing_and_says_why(model, workspace, qtbot, field, raw, message):
    index = model.index(1, col(field))
    before = model.data(index)
    with qtbot.waitSignal(model.validation_failed) as refused:
        assert model.setData(index, raw) is False
    row, column, text = refused.args
    assert (row, column) == (1, index.column())
    assert message in text and text.startswith("EMV")
    assert model.data(index) == before
    assert network_in_file(workspace.path).partners[1] == workspace.network.partners[1]
    assert workspace.undo_label is None


def test_read_only_workspace_is_not_editable(workspace, qtbot):
    path = workspace.path
    workspace.close()
    reader = Workspace.open_read_only(path)
    try:
        model = PartnerTableModel(reader)
        index = model.index(0, 0)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert model.setData(index, "XYZ") is False
        model.detach()
    finally:
        reader.close()


def test_model_stops_listening_when_deleted(workspace, qtbot):
    import shiboken6

    model = PartnerTableModel(workspace)
    shiboken6.delete(model)
    # A dead model still subscribed would raise "Internal C++ object already deleted" here.
    partner_commands.edit_partner_field(workspace, workspace.network.partners[0].id, "ics", "Elsewhere ICB")


# ------------------------------------------------------------------ display formats on their own


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("30980000"), "£30,980,000"), (Decimal("1234.5"), "£1,234.50"), (Decimal("0.01"), "£0.01"),
     (Decimal("0"), "£0")],
)
def test_money(value, text):
    assert money(value) == text


def test_numbers_people_and_cells():
    assert number(Decimal("1478")) == "1,478"
    assert number(Decimal("12.50")) == "12.5"
    assert number(Decimal("1234.567")) == "1,234.57"
    assert people(2_450_000) == "2.45m"
    assert people(640_000) == "640k"
    assert people(900) == "900"
    spec = {f.name: f for f in PARTNER_FIELDS}
    assert cell_text(spec["staff_vacancy_rate_pct"], Decimal("15.5")) == "15.5%"
    assert cell_text(spec["population_served"], None) == "—"
    assert edit_text(spec["pay_cost_gbp"], Decimal("1000")) == "1000"
