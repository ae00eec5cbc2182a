"""Who may adopt which model: the rules read from the content flags (``corporate``, ``needs_host``).

- A corporate body (a private JV as an LLP or limited company, a community interest company) is open only to NHS
  Foundation Trusts: an NHS trust has no power to set up or join a corporate body except to generate income. Every
  partner that is not a Foundation Trust is named.
- A hosted model needs a host trust, and the host must be one of the partners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from imagingnet_desktop.domain.commercial.catalogue import CommercialModel
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.wording import join_words

CORPORATE_WHY = ("NHS trusts have no power to set up or join a corporate body except to generate income, "
                 "so a corporate joint venture is open only to NHS Foundation Trusts")


@dataclass(frozen=True)
class Eligibility:
    model_key: str
    model_name: str
    ok: bool
    message: str
    blocking_partner_ids: tuple[int, ...] = ()


def _names(partners: Sequence[Partner]) -> str:
    names = [f"{p.name} ({p.code})" for p in partners]
    return join_words(names)


def eligibility(model: CommercialModel, partners: Sequence[Partner], host_partner_id: int | None = None,
                *, host_required: bool = False) -> Eligibility:
    """Can this network adopt ``model``? With ``host_required`` (the model is the one chosen), a hosted model
    also needs ``host_partner_id`` to be one of the partners."""
    if model.corporate:
        blocking = [p for p in partners if not p.is_foundation_trust]
        if not partners:
            return Eligibility(model.key, model.name, False,
                               f"{model.name} needs partners, all of them NHS Foundation Trusts")
        if blocking:
            verb = "is not an NHS Foundation Trust" if len(blocking) == 1 else "are not NHS Foundation Trusts"
            return Eligibility(
                model.key, model.name, False,
                f"{model.name} is not open to this network: {_names(blocking)} {verb}. {CORPORATE_WHY}.",
                tuple(p.id for p in blocking),
            )
        return Eligibility(model.key, model.name, True,
                           f"Every partner is an NHS Foundation Trust, so {model.name} is open to the network.")
    if model.needs_host:
        ids = {p.id for p in partners}
        if not partners:
            return Eligibility(model.key, model.name, False, f"{model.name} needs a host trust from the partners")
        if host_partner_id is not None and host_partner_id in ids:
            host = next(p for p in partners if p.id == host_partner_id)
            return Eligibility(model.key, model.name, True, f"Hosted by {host.name} ({host.code}).")
        if host_required:
            return Eligibility(model.key, model.name, False,
                               f"{model.name} needs a host trust: choose one of the partners to host the network.")
        return Eligibility(model.key, model.name, True,
                           f"{model.name} needs a host trust, chosen from the partners with the preferred option.")
    return Eligibility(model.key, model.name, True, f"Any mix of NHS Trusts and Foundation Trusts can adopt {model.name}.")
