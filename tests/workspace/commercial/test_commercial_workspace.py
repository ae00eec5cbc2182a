"""Commercial edits: each one undoable and saved (reopen the file), refusals change nothing, partner edits followed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from file_checks import file_of_format_2
from imagingnet_desktop.domain.commercial.appraisal import OptionStatus
from imagingnet_desktop.domain.network.partner import FOUNDATION_TRUST, NHS_TRUST
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.workspace.commercial import appraisal_edits as edits
from imagingnet_desktop.workspace.commercial.collections import CRITERIA, OPTIONS, SCORES
from imagingnet_desktop.workspace.commercial.summary import commercial_view
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.workspace import Workspace


def option_id(ws: Workspace, key: str) -> int:
    return next(o.id for o in ws.rows(OPTIONS) if o.model_key == key)


def file_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def score_everything(ws: Workspace, values: dict[str, int]) -> None:
    for option in ws.rows(OPTIONS):
        if option.scored:
            for criterion in ws.rows(CRITERIA):
                for partner in ws.network.partners:
                    edits.set_score(ws, option.id, criterion.id, partner.id, values.get(option.model_key, 5))


def test_a_new_workspace_starts_with_the_spectrum_and_the_green_book_five(workspace: Workspace) -> None:
    assert [o.model_key for o in workspace.rows(OPTIONS)] == [
        "as_is", "collaborative_working", "contractual_partnership", "arms_length", "private_jv"]
    assert all(o.status is OptionStatus.LONG_LIST for o in workspace.rows(OPTIONS))
    assert [c.weight for c in workspace.rows(CRITERIA)] == [20.0] * 5
    assert edits.choice(workspace).current_model_key == "as_is"


def test_an_older_workspace_is_migrated_with_the_starting_content(tmp_path: Path) -> None:
    path = tmp_path / "old.imagingnet"
    file_of_format_2(path)
    ws = Workspace.open(path)
    try:
        assert len(ws.rows(OPTIONS)) == 5 and len(ws.rows(CRITERIA)) == 5
    finally:
        ws.close()


def test_the_appraisal_from_long_list_to_preferred_is_saved_and_undoable(workspace: Workspace) -> None:
    path = workspace.path
    jv, hosted = option_id(workspace, "private_jv"), option_id(workspace, "arms_length")
    affordability = workspace.rows(CRITERIA)[3].name
    edits.rule_out(workspace, jv, "Two partners are NHS Trusts, and the set-up costs are beyond reach",
                   affordability)
    edits.add_variant(workspace, "alliance_contracting")
    edits.short_list_the_rest(workspace)
    edits.add_criterion(workspace, "Clinical engagement", "15")
    edits.set_weight(workspace, workspace.rows(CRITERIA)[0].id, "40")
    score_everything(workspace, {"arms_length": 8, "contractual_partnership": 6})
    host = workspace.network.partners[1]
    edits.choose_preferred(workspace, hosted, host.id, "Best on every factor; the host has the largest team")

    view = commercial_view(workspace)
    assert view.preferred is not None and view.preferred.id == hosted
    assert view.ranking.leader is not None and view.ranking.leader.option_id == hosted
    assert view.first_shares[hosted] == 1.0  # best on every factor: first under every weighting
    assert sum(view.first_shares.values()) == pytest.approx(1.0)
    assert file_rows(path, "SELECT status, reason, ruled_out_against FROM commercial_options WHERE model_key = "
                           "'private_jv'") == [("ruled_out", "Two partners are NHS Trusts, and the set-up costs are "
                                                             "beyond reach", affordability)]
    assert file_rows(path, "SELECT host_partner_id, rationale FROM commercial_choice") == [
        (host.id, "Best on every factor; the host has the largest team")]
    n_scores = len(workspace.rows(SCORES))
    assert file_rows(path, "SELECT COUNT(*) FROM commercial_scores") == [(n_scores,)]

    workspace.undo()  # the choice
    assert commercial_view(workspace).preferred is None
    assert file_rows(path, "SELECT host_partner_id FROM commercial_choice") == [(None,)]
    workspace.redo()

    report = build_report(workspace)["commercial"]
    assert report["preferred_model"] == "Arm's Length Organisation (hosted)" and report["host"] == host.code
    statuses = {o["name"]: o["status"] for o in report["options"]}
    assert statuses["Private JV (LLP or Ltd)"] == "ruled_out" and statuses["Alliance contracting"] == "short_list"
    assert {r["criterion"] for r in report["robustness"]} == {c.name for c in workspace.rows(CRITERIA)}
    assert set(report) == {"current_model", "preferred_model", "host", "options", "criteria", "robustness",
                           "eligibility"}

    reopened_path = workspace.path
    workspace.close()
    again = Workspace.open(reopened_path)
    try:
        assert commercial_view(again).preferred is not None
        assert len(again.rows(SCORES)) == n_scores
        assert build_report(again)["commercial"] == report
    finally:
        again.close()


def test_the_short_list_keeps_its_comparators(workspace: Workspace) -> None:
    factor = workspace.rows(CRITERIA)[0].name
    for key in ("as_is", "collaborative_working"):
        with pytest.raises(FieldError, match="comparator"):
            edits.rule_out(workspace, option_id(workspace, key), "no", factor)
    assert workspace.undo_label is None


def test_the_first_short_listed_option_brings_the_comparators(workspace: Workspace) -> None:
    edits.short_list(workspace, option_id(workspace, "arms_length"))
    statuses = {o.model_key: o.status for o in workspace.rows(OPTIONS)}
    assert statuses["as_is"] is statuses["collaborative_working"] is statuses["arms_length"] is OptionStatus.SHORT_LIST
    assert statuses["private_jv"] is OptionStatus.LONG_LIST
    with pytest.raises(FieldError, match="always keeps"):
        edits.back_to_long_list(workspace, option_id(workspace, "as_is"))
    workspace.undo()  # one edit: all three back on the long list
    assert all(o.status is OptionStatus.LONG_LIST for o in workspace.rows(OPTIONS))


def test_bad_input_is_refused_and_nothing_is_saved(workspace: Workspace) -> None:
    criteria = workspace.rows(CRITERIA)
    jv = option_id(workspace, "private_jv")
    with pytest.raises(FieldError, match="reason cannot be empty"):
        edits.rule_out(workspace, jv, "  ", criteria[0].name)
    with pytest.raises(FieldError, match="success factor"):
        edits.rule_out(workspace, jv, "costly", "not a factor")
    for c in criteria[:-1]:
        edits.set_weight(workspace, c.id, 0)
    with pytest.raises(FieldError, match="cannot all be zero"):
        edits.set_weight(workspace, criteria[-1].id, "0")
    with pytest.raises(FieldError, match="only short-listed"):
        edits.set_score(workspace, jv, criteria[0].id, workspace.network.partners[0].id, 5)
    edits.short_list(workspace, jv)
    with pytest.raises(FieldError, match="0 to 10"):
        edits.set_score(workspace, jv, criteria[0].id, workspace.network.partners[0].id, "11")
    with pytest.raises(FieldError, match="no longer a partner"):
        edits.set_score(workspace, jv, criteria[0].id, 999, "5")
    for name in ("A", "B", "C"):
        edits.add_criterion(workspace, name)
    with pytest.raises(FieldError, match="At most 3"):
        edits.add_criterion(workspace, "D")
    with pytest.raises(FieldError, match="already"):
        edits.rename_criterion(workspace, criteria[0].id, "a")
    assert file_rows(workspace.path, "SELECT COUNT(*) FROM commercial_scores") == [(0,)]


def test_preferred_refused_when_ruled_out_ineligible_or_without_a_host(workspace: Workspace) -> None:
    jv, hosted = option_id(workspace, "private_jv"), option_id(workspace, "arms_length")
    with pytest.raises(FieldError, match="only a short-listed option"):
        edits.choose_preferred(workspace, hosted, None, "why")
    edits.short_list_the_rest(workspace)
    with pytest.raises(FieldError, match="not open to this network"):  # the demo has NHS Trusts
        edits.choose_preferred(workspace, jv, None, "why")
    with pytest.raises(FieldError, match="needs a host"):
        edits.choose_preferred(workspace, hosted, None, "why")
    with pytest.raises(FieldError, match="one of the partners"):
        edits.choose_preferred(workspace, hosted, 999, "why")
    with pytest.raises(FieldError, match="rationale"):
        edits.choose_preferred(workspace, hosted, workspace.network.partners[0].id, " ")
    assert commercial_view(workspace).preferred is None


def test_eligibility_follows_partner_edits(workspace: Workspace) -> None:
    jv = option_id(workspace, "private_jv")
    for partner in workspace.network.partners:
        if partner.organisation_type == NHS_TRUST:
            partner_commands.edit_partner_field(workspace, partner.id, "organisation_type", FOUNDATION_TRUST)
    assert commercial_view(workspace).eligibility[jv].ok
    edits.short_list_the_rest(workspace)
    edits.choose_preferred(workspace, jv, None, "All Foundation Trusts now")
    first = workspace.network.partners[0]
    partner_commands.edit_partner_field(workspace, first.id, "organisation_type", NHS_TRUST)
    view = commercial_view(workspace)
    assert not view.eligibility[jv].ok and first.code in view.eligibility[jv].message
    assert any("preferred option fails" in note for note in view.notes)


def test_deleting_a_partner_removes_its_scores_and_clears_the_host(workspace: Workspace) -> None:
    hosted = option_id(workspace, "arms_length")
    edits.short_list_the_rest(workspace)
    score_everything(workspace, {})
    host = workspace.network.partners[0]
    edits.choose_preferred(workspace, hosted, host.id, "Host has capacity")
    before = len(workspace.rows(SCORES))
    partner_commands.delete_partners(workspace, [host.id], hand_over="clear")
    assert all(s.partner_id != host.id for s in workspace.rows(SCORES))
    assert len(workspace.rows(SCORES)) < before
    view = commercial_view(workspace)
    assert edits.choice(workspace).host_partner_id is None
    assert not view.eligibility[hosted].ok  # the warning stays while the hosted model is chosen
    workspace.undo()
    assert len(workspace.rows(SCORES)) == before and edits.choice(workspace).host_partner_id == host.id


def test_a_variant_leaves_with_its_scores(workspace: Workspace) -> None:
    variant = edits.add_variant(workspace, "outsourcing")
    with pytest.raises(FieldError, match="already"):
        edits.add_variant(workspace, "outsourcing")
    edits.short_list(workspace, variant.id)
    criterion = workspace.rows(CRITERIA)[0]
    edits.set_score(workspace, variant.id, criterion.id, workspace.network.partners[0].id, "7")
    edits.remove_option(workspace, variant.id)
    assert not workspace.rows(SCORES)
    with pytest.raises(FieldError, match="five models"):
        edits.remove_option(workspace, option_id(workspace, "as_is"))
    workspace.undo()
    assert len(workspace.rows(SCORES)) == 1


def test_a_bare_network_reports_the_shipped_long_list(workspace: Workspace) -> None:
    from imagingnet_desktop.workspace.reports.report import network_report, render_text

    section = network_report(workspace.network)["commercial"]
    assert [o["status"] for o in section["options"]] == ["long_list"] * 5
    assert section["preferred_model"] is None and section["criteria"] == [] and section["robustness"] == []
    assert [e["ok"] for e in section["eligibility"]] == [True, True, True, True, False]  # the demo has NHS Trusts
    text = render_text(build_report(workspace))
    assert "Commercial model" in text and "○ Long list   Private JV (LLP or Ltd)" in text
    assert "! Private JV (LLP or Ltd) is not open to this network" in text
