"""Annex A of each draft: the matters still open, by the area of the workspace that will settle them.

Three sources: the places the draft itself says "[to be agreed]" (noted as it was written), the programme's
checklist items not yet agreed, and the open issues of the record.
"""

from __future__ import annotations

from collections.abc import Sequence

from imagingnet_desktop.documents.model import Block, Clause, ClauseItem, Paragraph
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.area_content import OpenChecklistItem, OpenIssueText
from imagingnet_desktop.workspace.exports.drafting import OpenMatter

CHECKLIST = "Programme checklist"
RECORD = "Open issues"


def open_matters_blocks(noted: Sequence[OpenMatter], checklist: Sequence[OpenChecklistItem],
                        issues: Sequence[OpenIssueText]) -> tuple[Block, ...]:
    matters = [*noted, *(_checklist_matter(i) for i in checklist), *(_issue_matter(i) for i in issues)]
    if not matters:
        return (Paragraph("No matter is recorded as open at the date of this draft."),)
    areas: dict[str, list[OpenMatter]] = {}
    for matter in matters:
        areas.setdefault(matter.area, []).append(matter)
    blocks: list[Block] = [Paragraph(
        f"{figures.count(len(matters))} matter{'s are' if len(matters) != 1 else ' is'} still open at the date of "
        "this draft, grouped by the part of the programme that will settle them. Where the draft mentions a "
        "matter it says “[to be agreed]”.")]
    for number, (area, found) in enumerate(areas.items(), start=1):
        items = tuple(ClauseItem(f"{i}", f"{m.matter.rstrip('.')} (see {m.where})." if m.where else m.matter)
                      for i, m in enumerate(found, start=1))
        blocks.append(Clause(f"open.{area}", number, area, items))
    return tuple(blocks)


def _checklist_matter(item: OpenChecklistItem) -> OpenMatter:
    details = [item.status]
    if item.owner:
        details.append(f"owner {item.owner}")
    if item.due:
        details.append(f"due {figures.long_date(item.due)}")
    if item.where:
        details.append(f"see {item.where}")
    return OpenMatter(CHECKLIST, f"{item.step}, {item.workstream}: {item.item} ({', '.join(details)}).", "")


def _issue_matter(issue: OpenIssueText) -> OpenMatter:
    owner = f" (owner {issue.owner})" if issue.owner else ""
    return OpenMatter(RECORD, f"{issue.issue}{owner}.", "")
