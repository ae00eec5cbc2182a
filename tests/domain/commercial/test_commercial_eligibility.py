"""Who may adopt which commercial model: corporate JVs for Foundation Trusts only; hosted models need a host."""

from __future__ import annotations

from imagingnet_desktop.domain.commercial.catalogue import BUSINESS_AS_USUAL, DO_MINIMUM, catalogue
from imagingnet_desktop.domain.commercial.eligibility import eligibility
from imagingnet_desktop.domain.network.partner import FOUNDATION_TRUST, NHS_TRUST, Partner

JV = catalogue().by_key("private_jv")
CIC = catalogue().by_key("community_interest_company")
HOSTED = catalogue().by_key("arms_length")


def trust(pid: int, code: str, kind: str) -> Partner:
    return Partner(pid, code, f"{code} Hospitals", kind)


def test_the_spectrum_runs_from_as_is_to_a_private_jv_with_its_variants() -> None:
    content = catalogue()
    assert [m.name for m in content.models] == [
        "As Is", "Collaborative Working", "Contractual Partnership", "Arm's Length Organisation (hosted)",
        "Private JV (LLP or Ltd)"]
    assert [m.tier for m in content.models] == [0, 1, 2, 3, 4]
    assert {v.key for v in content.variants} == {"alliance_contracting", "community_interest_company", "outsourcing"}
    assert content.comparator(BUSINESS_AS_USUAL).key == "as_is"
    assert content.comparator(DO_MINIMUM).key == "collaborative_working"
    for model in content.everything:
        assert all(text for _, text in model.implications()) and model.to_agree


def test_a_network_of_nhs_trusts_only_cannot_choose_a_corporate_jv() -> None:
    partners = [trust(1, "AAA", NHS_TRUST), trust(2, "BBB", NHS_TRUST), trust(3, "CCC", NHS_TRUST)]
    for model in (JV, CIC):
        verdict = eligibility(model, partners)
        assert not verdict.ok
        assert verdict.blocking_partner_ids == (1, 2, 3)
        assert "AAA" in verdict.message and "BBB" in verdict.message and "CCC" in verdict.message
        assert "income" in verdict.message  # says why


def test_a_mixed_network_is_told_which_partners_block_a_corporate_jv() -> None:
    partners = [trust(1, "AAA", FOUNDATION_TRUST), trust(2, "BBB", NHS_TRUST), trust(3, "CCC", FOUNDATION_TRUST)]
    verdict = eligibility(JV, partners)
    assert not verdict.ok
    assert verdict.blocking_partner_ids == (2,)
    assert "BBB Hospitals (BBB) is not an NHS Foundation Trust" in verdict.message
    assert "AAA" not in verdict.message and "CCC" not in verdict.message


def test_foundation_trusts_only_may_form_a_jv() -> None:
    partners = [trust(1, "AAA", FOUNDATION_TRUST), trust(2, "BBB", FOUNDATION_TRUST)]
    assert eligibility(JV, partners).ok
    assert not eligibility(JV, []).ok


def test_a_hosted_model_needs_a_host_from_the_partners_once_chosen() -> None:
    partners = [trust(1, "AAA", NHS_TRUST), trust(2, "BBB", FOUNDATION_TRUST)]
    assert eligibility(HOSTED, partners).ok  # not chosen yet: open to any mix
    assert not eligibility(HOSTED, partners, None, host_required=True).ok
    assert not eligibility(HOSTED, partners, 99, host_required=True).ok  # not a partner
    chosen = eligibility(HOSTED, partners, 1, host_required=True)
    assert chosen.ok and "AAA" in chosen.message
    assert not eligibility(HOSTED, []).ok


def test_other_models_are_open_to_any_mix() -> None:
    partners = [trust(1, "AAA", NHS_TRUST), trust(2, "BBB", FOUNDATION_TRUST)]
    for key in ("as_is", "collaborative_working", "contractual_partnership", "alliance_contracting", "outsourcing"):
        assert eligibility(catalogue().by_key(key), partners).ok
