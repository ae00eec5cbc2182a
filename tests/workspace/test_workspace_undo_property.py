"""Property: any sequence of edits, undos and redos keeps the memory equal to the file, and undoing
everything gets back the start exactly (redoing everything, the state with every command done)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from file_checks import network_in_file
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.workspace.network.partner_commands import (
    add_partner,
    delete_partners,
    edit_partner_field,
    move_partner,
    rename_network,
)
from imagingnet_desktop.workspace.workspace import Workspace

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=24)
codes = st.text(alphabet="ABCŴŷé1-&<>'\"", min_size=0, max_size=6)
amounts = st.one_of(
    st.integers(-5, 10**12).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=2).map(str),
    st.sampled_from(["", "£1,000.50", "NaN", "inf", "abc", "1e3"]),
)
percents = st.one_of(st.decimals(min_value=-5, max_value=120, places=1).map(str), st.just(""))
edits = st.one_of(
    st.tuples(st.just("pay_cost_gbp"), amounts),
    st.tuples(st.just("staff_vacancy_rate_pct"), percents),
    st.tuples(st.just("population_served"), st.integers(-1, 10**7).map(str)),
    st.tuples(st.just("name"), text),
    st.tuples(st.just("code"), codes),
    st.tuples(st.just("ppci_centre"), st.sampled_from(["yes", "no", "maybe"])),
    st.tuples(st.just("organisation_type"), st.sampled_from(["NHS Trust", "ft", "plc"])),
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 20), edits),
        st.tuples(st.just("rename"), text),
        st.tuples(st.just("add"), st.one_of(st.none(), st.integers(0, 20))),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(st.just("move"), st.integers(0, 20), st.integers(-2, 20)),
        st.tuples(st.just("undo")),
        st.tuples(st.just("redo")),
    ),
    max_size=12,
)



def apply(workspace: Workspace, operation: tuple) -> None:
    kind, *args = operation
    partners = workspace.network.partners
    if kind == "undo":
        workspace.undo()
    elif kind == "redo":
        workspace.redo()
    elif kind == "rename":
        rename_network(workspace, args[0])
    elif kind == "add":
        add_partner(workspace, None if args[0] is None else min(args[0], len(partners)))
    elif partners and kind == "edit":
        field, raw = args[1]
        edit_partner_field(workspace, partners[args[0] % len(partners)].id, field, raw)
    elif partners and kind == "delete":
        delete_partners(workspace, [partners[args[0] % len(partners)].id])
    elif partners and kind == "move":
        move_partner(workspace, partners[args[0] % len(partners)].id, args[1])



@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations)
def test_memory_equals_file_through_any_edits_undos_and_redos(demo_file: Path, ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(shutil.copyfile(demo_file, Path(folder) / "w.imagingnet"))
        workspace = Workspace.open(path)
        try:
            start = workspace.network
            for operation in ops:
                before, label = workspace.network, workspace.undo_label
                try:
                    apply(workspace, operation)
                except FieldError as refused:
                    assert str(refused)
                    assert workspace.network == before and workspace.undo_label == label
                assert workspace.network == network_in_file(path), operation
            while workspace.redo_label is not None:
                workspace.redo()
            top = workspace.network  # every command done
            while workspace.undo_label is not None:
                workspace.undo()
            assert workspace.network == start == network_in_file(path)
            while workspace.redo_label is not None:
                workspace.redo()
            assert workspace.network == top == network_in_file(path)
        finally:
            workspace.close()
