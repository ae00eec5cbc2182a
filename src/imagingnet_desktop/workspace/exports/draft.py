"""What a draft builder returns, and the parts every draft has: the signatures, the title page, the header and
footer, and the two annexes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from imagingnet_desktop.documents.model import Annex, Document, Heading, Paragraph, TitlePage
from imagingnet_desktop.workspace.exports import area_content, common_clauses, figures
from imagingnet_desktop.workspace.exports.area_content import OpenChecklistItem
from imagingnet_desktop.workspace.exports.changes import changes_blocks
from imagingnet_desktop.workspace.exports.drafting import Drafter, OpenMatter
from imagingnet_desktop.workspace.exports.history import ClauseText, ExportedClause, ExportRecord
from imagingnet_desktop.workspace.exports.open_matters import open_matters_blocks
from imagingnet_desktop.workspace.workspace import Workspace

Previous = tuple[ExportRecord, Sequence[ExportedClause]]


@dataclass(frozen=True)
class Draft:
    document: Document
    recorded: tuple[ClauseText, ...]  # the numbered texts, to record with the export
    open_matters: tuple[OpenMatter, ...]
    open_count: int = 0  # every matter in Annex A (the draft's own, checklist items, open issues)


def annexes(workspace: Workspace, drafter: Drafter, previous: Previous | None) -> tuple[tuple[Annex, ...], int]:
    checklist = checklist_items(workspace, area_content.open_checklist_items(workspace), drafter)
    issues = area_content.open_issues(workspace)
    count = len(drafter.open_matters) + len(checklist) + len(issues)
    return (
        Annex("A", "Matters still open", open_matters_blocks(drafter.open_matters, checklist, issues)),
        Annex("B", "Changes since the last exported version", changes_blocks(drafter.recorded, previous)),
    ), count


def checklist_items(workspace: Workspace, reached: Sequence[OpenChecklistItem], drafter: Drafter
                    ) -> list[OpenChecklistItem]:
    """The open checklist items of the steps reached, each once, saying where the text mentions it; then the
    items of later steps that the text depends on, in programme order."""
    noted = drafter.open_items
    found = [noted.get(item.id, item) if item.id is not None else item for item in reached]
    listed = {item.id for item in found}
    later = [item for key, item in noted.items() if key not in listed]
    if later:
        order = area_content.checklist_order(workspace)
        later.sort(key=lambda item: order.get(item.id or 0, (len(order), 0)))
    return found + later


def title_lines(version: int, issued: date, open_count: int, what: str) -> tuple[str, ...]:
    still_open = ("Every matter this draft leaves open is listed in Annex A."
                  if open_count else "No matter is recorded as open.")
    return (
        f"Version {version} · {figures.long_date(issued)}",
        "DRAFT — subject to contract",
        f"This {what} was prepared with ImagingNet Desktop from the network’s workspace, for the Partners and "
        f"their legal advisers to work on. {still_open}",
    )


def signed_draft(workspace: Workspace, drafter: Drafter, previous: Previous | None, *, title: str, what: str,
                 short_name: str, signing: str, version: int, issued: date) -> Draft:
    """The drafted clauses closed with the Partners' signature blocks (after ``signing``, the sentence above
    them) and put in the document: title page (``what`` the draft is), header, footer and annexes."""
    network = workspace.network
    drafter.add(Heading("Signatures"))
    drafter.add(Paragraph(signing))
    for block in common_clauses.signature_blocks(network):
        drafter.add(block)
    body = drafter.finished()
    extra, open_count = annexes(workspace, drafter, previous)
    document = Document(
        TitlePage(title, network.name, title_lines(version, issued, open_count, what)),
        header="DRAFT — subject to contract",
        footer=f"{short_name} · version {version} · {figures.long_date(issued)}",
        body=body,
        annexes=extra,
        version=version,
        issued=issued,
    )
    return Draft(document, tuple(drafter.recorded), tuple(drafter.open_matters), open_count)
