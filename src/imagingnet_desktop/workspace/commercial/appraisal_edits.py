"""The edits the Commercial model tab asks for: each validated first (``FieldError`` with the reason), then one
undoable command, saved in one transaction; a refused edit changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.commercial.appraisal import (
    FRAMEWORK_ROWS,
    MAX_OWN_CRITERIA,
    MAX_TEXT,
    CommercialChoice,
    Criterion,
    Option,
    OptionStatus,
    Score,
    check_criterion_name,
    check_weights,
    parse_score,
    parse_weight,
)
from imagingnet_desktop.domain.commercial.catalogue import COMPARATOR_LABELS, catalogue
from imagingnet_desktop.domain.commercial.eligibility import eligibility
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import (
    DeleteRow,
    InsertRow,
    UpdateRow,
    delete_row,
    insert_row,
    update_row,
)
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.commercial.collections import CHOICE, CHOICE_ID, CRITERIA, OPTIONS, SCORES

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

_FRAMEWORK = dict(FRAMEWORK_ROWS)


def choice(workspace: Workspace) -> CommercialChoice:
    rows = workspace.rows(CHOICE)
    return rows[0] if rows else CommercialChoice(CHOICE_ID)


def _option(workspace: Workspace, option_id: int) -> Option:
    try:
        return workspace.row(OPTIONS, option_id)
    except KeyError:
        raise FieldError("That option is no longer on the list") from None


def _criterion(workspace: Workspace, criterion_id: int) -> Criterion:
    try:
        return workspace.row(CRITERIA, criterion_id)
    except KeyError:
        raise FieldError("That success factor is no longer on the list") from None


# ---------------------------------------------------------------------------- long list (and SOC)


def add_variant(workspace: Workspace, model_key: str) -> Option:
    model = catalogue().get(model_key)
    if model is None:
        raise FieldError(f"'{model_key}' is not one of the commercial models")
    if any(o.model_key == model_key for o in workspace.rows(OPTIONS)):
        raise FieldError(f"{model.name} is already on the long list")
    return insert_row(workspace, OPTIONS, Option(0, model.key, model.name), label=f"add {model.name} to the long list")


def remove_option(workspace: Workspace, option_id: int) -> Change:
    """Take a variant off the list (with its scores); the five models of the spectrum always stay."""
    option = _option(workspace, option_id)
    model = catalogue().get(option.model_key)
    if model is not None and not model.is_variant:
        raise FieldError(f"{option.name} is one of the five models of the spectrum: rule it out instead")
    if option.status is OptionStatus.PREFERRED:
        raise FieldError(f"{option.name} is the preferred option: choose another one first")
    commands: list[Command] = [DeleteRow(SCORES, s.id) for s in workspace.rows(SCORES) if s.option_id == option_id]
    commands.append(DeleteRow(OPTIONS, option_id))
    return workspace.execute(Batch(f"remove {option.name}", commands))


def set_framework_text(workspace: Workspace, option_id: int, row: str, text: str) -> Change:
    """One of the five options-framework rows (scope, service solution, ...) of an option."""
    if row not in _FRAMEWORK:
        raise FieldError(f"'{row}' is not a row of the options framework")
    cleaned = clean_text(_FRAMEWORK[row], text, limit=MAX_TEXT, required=False, lines=True)
    option = _option(workspace, option_id)
    return update_row(workspace, OPTIONS, option_id, f"describe {option.name}: {_FRAMEWORK[row].lower()}",
                      **{row: cleaned})


def comparator_role(option: Option) -> str:
    model = catalogue().get(option.model_key)
    return model.comparator if model is not None else ""


def rule_out(workspace: Workspace, option_id: int, reason: str, against: str) -> Change:
    """SOC: rule an option out against a named success factor, with the reason recorded."""
    option = _option(workspace, option_id)
    role = comparator_role(option)
    if role:
        raise FieldError(f"{option.name} is the {COMPARATOR_LABELS[role]} comparator: the short list always keeps "
                         "it, so it cannot be ruled out")
    if option.status is OptionStatus.PREFERRED:
        raise FieldError(f"{option.name} is the preferred option: choose another one before ruling it out")
    names = [c.name for c in workspace.rows(CRITERIA)]
    if against not in names:
        raise FieldError("Say which success factor the option fails: choose one from the list")
    cleaned = clean_text("The reason", reason, limit=MAX_TEXT, lines=True)
    return update_row(workspace, OPTIONS, option_id, f"rule out {option.name}", status=OptionStatus.RULED_OUT,
                      reason=cleaned, ruled_out_against=against)


def short_list(workspace: Workspace, option_id: int) -> Change:
    """Put an option on the short list; the comparators (business as usual, do-minimum) come onto it with the
    first option, so a short list never lacks them."""
    option = _option(workspace, option_id)
    if option.status in (OptionStatus.PREFERRED, OptionStatus.SHORT_LIST):
        return Change.NONE
    commands: list[Command] = [UpdateRow(OPTIONS, replace(option, status=OptionStatus.SHORT_LIST, reason="",
                                                          ruled_out_against=""))]
    commands += [UpdateRow(OPTIONS, replace(o, status=OptionStatus.SHORT_LIST)) for o in workspace.rows(OPTIONS)
                 if o.id != option_id and comparator_role(o) and o.status is OptionStatus.LONG_LIST]
    return workspace.execute(Batch(f"short-list {option.name}", commands))


def back_to_long_list(workspace: Workspace, option_id: int) -> Change:
    option = _option(workspace, option_id)
    if option.status is OptionStatus.PREFERRED:
        raise FieldError(f"{option.name} is the preferred option: choose another one first")
    role = comparator_role(option)
    others = [o for o in workspace.rows(OPTIONS) if o.scored and not comparator_role(o)]
    if role and option.status is OptionStatus.SHORT_LIST and others:
        raise FieldError(f"{option.name} is the {COMPARATOR_LABELS[role]} comparator: the short list always keeps "
                         "it while other options are on it")
    return update_row(workspace, OPTIONS, option_id, f"put {option.name} back on the long list",
                      status=OptionStatus.LONG_LIST, reason="", ruled_out_against="")


def short_list_the_rest(workspace: Workspace) -> Change:
    """Every option still on the long list goes onto the short list (the comparators among them)."""
    waiting = [o for o in workspace.rows(OPTIONS) if o.status is OptionStatus.LONG_LIST]
    if not waiting:
        return Change.NONE
    return workspace.execute(Batch("short-list the remaining options", [
        UpdateRow(OPTIONS, replace(o, status=OptionStatus.SHORT_LIST)) for o in waiting
    ]))


# ---------------------------------------------------------------------------- success factors and scores (OBC)


def set_weight(workspace: Workspace, criterion_id: int, raw: object) -> Change:
    weight = parse_weight(raw)
    criterion = _criterion(workspace, criterion_id)
    after = tuple(replace(c, weight=weight) if c.id == criterion_id else c for c in workspace.rows(CRITERIA))
    check_weights(after)
    return update_row(workspace, CRITERIA, criterion_id, f"weight of {criterion.name}", weight=weight)


def rename_criterion(workspace: Workspace, criterion_id: int, name: str) -> Change:
    criterion = _criterion(workspace, criterion_id)
    cleaned = check_criterion_name(name, workspace.rows(CRITERIA), criterion_id)
    return update_row(workspace, CRITERIA, criterion_id, f"rename {criterion.name}", name=cleaned)


def add_criterion(workspace: Workspace, name: str, raw_weight: object = 10) -> Criterion:
    criteria = workspace.rows(CRITERIA)
    if sum(c.own for c in criteria) >= MAX_OWN_CRITERIA:
        raise FieldError(f"At most {MAX_OWN_CRITERIA} of the network's own success factors: more lose focus")
    cleaned = check_criterion_name(name, criteria)
    weight = parse_weight(raw_weight)
    return insert_row(workspace, CRITERIA, Criterion(0, cleaned, weight, own=True), label=f"add {cleaned}")


def delete_criterion(workspace: Workspace, criterion_id: int) -> Change:
    criterion = _criterion(workspace, criterion_id)
    if not criterion.own:
        raise FieldError(f"{criterion.name} is one of the Green Book's five: give it a weight of 0 instead")
    check_weights(tuple(c for c in workspace.rows(CRITERIA) if c.id != criterion_id))
    commands: list[Command] = [DeleteRow(SCORES, s.id) for s in workspace.rows(SCORES)
                               if s.criterion_id == criterion_id]
    commands.append(DeleteRow(CRITERIA, criterion_id))
    return workspace.execute(Batch(f"delete {criterion.name}", commands))


def set_score(workspace: Workspace, option_id: int, criterion_id: int, partner_id: int, raw: object) -> Change:
    """One partner's score; an empty entry clears it."""
    option = _option(workspace, option_id)
    criterion = _criterion(workspace, criterion_id)
    if not option.scored:
        raise FieldError(f"{option.name} is not on the short list: only short-listed options are scored")
    partner = next((p for p in workspace.network.partners if p.id == partner_id), None)
    if partner is None:
        raise FieldError("Choose which partner is scoring: that one is no longer a partner")
    existing = next((s for s in workspace.rows(SCORES) if (s.option_id, s.criterion_id, s.partner_id)
                     == (option_id, criterion_id, partner_id)), None)
    what = f"{partner.code}'s score of {option.name} on {criterion.name}"
    if str(raw).strip() == "":
        return Change.NONE if existing is None else delete_row(workspace, SCORES, existing.id, f"clear {what}")
    value = parse_score(raw)
    if existing is None:
        insert_row(workspace, SCORES, Score(0, option_id, criterion_id, partner_id, value), label=f"score {what}")
        return Change.COMMERCIAL
    return update_row(workspace, SCORES, existing.id, f"score {what}", score=value)


# ---------------------------------------------------------------------------- current model and the FBC choice


def _put_choice(workspace: Workspace, new: CommercialChoice) -> Command:
    if workspace.rows(CHOICE):
        return UpdateRow(CHOICE, new)
    return InsertRow(CHOICE, new)


def set_current_model(workspace: Workspace, model_key: str) -> Change:
    model = catalogue().get(model_key)
    if model is None:
        raise FieldError(f"'{model_key}' is not one of the commercial models")
    old = choice(workspace)
    if old.current_model_key == model_key:
        return Change.NONE
    return workspace.execute(Batch(f"current model: {model.name}",
                                   [_put_choice(workspace, replace(old, current_model_key=model_key))]))


def choose_preferred(workspace: Workspace, option_id: int, host_partner_id: int | None, rationale: str) -> Change:
    """FBC: the preferred option, its host (a hosted model only) and why; refused when the network cannot
    adopt it or the host is not a partner."""
    option = _option(workspace, option_id)
    if not option.scored:
        raise FieldError(f"{option.name} is {'ruled out' if option.status is OptionStatus.RULED_OUT else 'not on the short list'}: "
                         "only a short-listed option can be preferred")
    model = catalogue().get(option.model_key)
    if model is None:
        raise FieldError(f"{option.name} is not one of the commercial models")
    partners = workspace.network.partners
    if host_partner_id is not None and all(p.id != host_partner_id for p in partners):
        raise FieldError("The host must be one of the partners")
    if not model.needs_host:
        host_partner_id = None
    verdict = eligibility(model, partners, host_partner_id, host_required=True)
    if not verdict.ok:
        raise FieldError(verdict.message)
    cleaned = clean_text("The rationale", rationale, limit=MAX_TEXT, lines=True)
    commands: list[Command] = [UpdateRow(OPTIONS, replace(o, status=OptionStatus.SHORT_LIST))
                               for o in workspace.rows(OPTIONS)
                               if o.status is OptionStatus.PREFERRED and o.id != option_id]
    if option.status is not OptionStatus.PREFERRED:
        commands.append(UpdateRow(OPTIONS, replace(option, status=OptionStatus.PREFERRED)))
    new_choice = replace(choice(workspace), host_partner_id=host_partner_id, rationale=cleaned)
    if new_choice != choice(workspace):
        commands.append(_put_choice(workspace, new_choice))
    if not commands:
        return Change.NONE
    return workspace.execute(Batch(f"prefer {option.name}", commands))


def clear_preferred(workspace: Workspace) -> Change:
    commands: list[Command] = [UpdateRow(OPTIONS, replace(o, status=OptionStatus.SHORT_LIST))
                               for o in workspace.rows(OPTIONS) if o.status is OptionStatus.PREFERRED]
    old = choice(workspace)
    if old.host_partner_id is not None or old.rationale:
        commands.append(_put_choice(workspace, replace(old, host_partner_id=None, rationale="")))
    if not commands:
        return Change.NONE
    return workspace.execute(Batch("no preferred option", commands))
