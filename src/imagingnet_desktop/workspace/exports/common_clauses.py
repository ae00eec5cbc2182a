"""Text both drafts share: the parties, the binding clauses (confidentiality, exclusivity, costs, governing
law), the shares table and the signature blocks."""

from __future__ import annotations

from dataclasses import dataclass

from imagingnet_desktop.documents.model import Align, Column, SignatureBlock, Table
from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.drafting import TextSink
from imagingnet_desktop.workspace.exports.shares_votes_text import SharesAndVotes

PARTIES_COLUMNS = (Column("No.", 12), Column("Partner", 78), Column("Organisation type", 44),
                   Column("Short name", 26))


def parties_table(network: Network) -> Table:
    rows = tuple((f"({i})", p.name, p.organisation_type, p.code) for i, p in enumerate(network.partners, start=1))
    return Table(PARTIES_COLUMNS, rows)


def shares_table(position: SharesAndVotes) -> Table:
    columns = (Column("Partner", 105), Column("Short name", 25), Column("Share", 30, Align.RIGHT))
    rows = tuple((s.name, s.code, figures.share(s.share) if s.share is not None else "no basis")
                 for s in position.shares)
    return Table(columns, rows, total=("Total", "", "100.00%"))


def votes_table(position: SharesAndVotes) -> Table:
    columns = (Column("Partner", 90), Column("Short name", 22), Column("Votes", 20, Align.RIGHT),
               Column("Share of votes", 28, Align.RIGHT))
    rows = tuple((v.name, v.code, figures.count(v.votes), v.share_of_votes) for v in position.votes)
    return Table(columns, rows, total=("Total", "", figures.count(position.total_votes), "100.00%"))


def signature_blocks(network: Network) -> tuple[SignatureBlock, ...]:
    return tuple(SignatureBlock(p.name) for p in network.partners)


# ------------------------------------------------------------------------------------- binding clauses


@dataclass(frozen=True)
class DocumentWords:
    """How the binding clauses name their document: "this memorandum" / "these heads of terms"."""

    this: str
    the: str
    it: str


MEMORANDUM = DocumentWords("this memorandum", "the memorandum", "it")
HEADS_OF_TERMS = DocumentWords("these heads of terms", "the heads of terms", "them")


def confidentiality(clause: TextSink, doc: DocumentWords) -> None:
    clause.item("information", (
        f"Each Partner will keep confidential the information another Partner shares with it under {doc.this} "
        "or in the discussions that led to it, including activity, workforce and financial baselines, and will "
        "use that information only to develop the network."))
    clause.item("exceptions", (
        "This does not apply to information that is already public, or that a Partner must disclose by law "
        "(including under the Freedom of Information Act 2000), to a regulator or to NHS England; a Partner "
        "asked to disclose another’s information will tell that Partner first where the law allows it, and "
        "will take account of its views on any exemption."))
    clause.item("survival", (
        f"This obligation lasts for two years after the end of {doc.the}, or after a Partner leaves."))


def costs(clause: TextSink, doc: DocumentWords) -> None:
    clause.item("own_costs", (
        f"Each Partner bears its own costs of preparing, negotiating and carrying out {doc.this}, including the "
        "time of its staff and the advice it takes."))
    clause.item("shared_costs", (
        "Costs the Partners agree in advance and in writing to incur together (for example joint legal or "
        "financial advice, or a programme team) are shared in the proportions agreed at the time, and "
        "failing that equally."))


def governing_law(clause: TextSink, doc: DocumentWords) -> None:
    clause.item("law", (
        f"{doc.this[:1].upper()}{doc.this[1:]} and any dispute or claim arising out of {doc.it} are governed by "
        "the law of England and Wales, and the Partners submit to the exclusive jurisdiction of the courts of "
        "England and Wales."))


def exclusivity(clause: TextSink, until: str) -> None:
    clause.item("no_parallel_talks", (
        "While these heads of terms are being negotiated into a partnership agreement, no Partner will "
        "negotiate or agree with any other organisation an arrangement to provide or manage the imaging "
        f"services in scope that would compete with the network, {until}."))
    clause.item("tell", (
        "A Partner approached about such an arrangement will tell the other Partners promptly."))
