"""Whatever partner fields are edited, "what changed" lists exactly the fields whose value differs from the
snapshot, and restoring leaves nothing listed."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner import FIELD_BY_NAME
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, restore_snapshot, take_snapshot

FIELDS = {"population_served": st.integers(0, 3_000_000).map(str),
          "ics": st.sampled_from(["", "Northshire and Vale ICB", "Coast ŵ ICB"]),
          "ppci_centre": st.sampled_from(["yes", "no"])}
NAMES = itertools.count()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 4), st.sampled_from(sorted(FIELDS))), max_size=6), data=st.data())
def test_exactly_the_fields_that_differ_are_listed(workspace, edits, data):
    snapshot = take_snapshot(workspace, f"Example {next(NAMES)}")
    before = {p.id: p for p in workspace.network.partners}
    for index, field in edits:
        partner = workspace.network.partners[index]
        edit_partner_field(workspace, partner.id, field, data.draw(FIELDS[field]))
    expected = {
        (f"{p.code} – {p.name}", FIELD_BY_NAME[field].label)
        for p in workspace.network.partners for field in FIELDS
        if getattr(p, field) != getattr(before[p.id], field)
    }
    found = changes_since(workspace, snapshot).changes
    assert {(c.item, c.field) for c in found} == expected
    assert all(c.kind == "changed" and c.area == "Network" for c in found)
    restore_snapshot(workspace, snapshot)
    assert changes_since(workspace, snapshot).changes == ()
    assert {p.id: p for p in workspace.network.partners} == before
