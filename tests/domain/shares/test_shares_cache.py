"""The share table remembers what depends on the partners alone, and never serves a stale or inexact result."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.network.partners_cache import PartnersCache
from imagingnet_desktop.domain.shares import share_table as shares
from imagingnet_desktop.domain.shares.share_table import Basis, basis_shares, blend_shares, share_table

D = Decimal
_money = st.one_of(st.none(), st.builds(lambda m, e: D(m).scaleb(e), st.integers(0, 10**9), st.integers(-2, 6)))
_count = st.one_of(st.none(), st.integers(0, 10**7))
_weights = st.dictionaries(st.sampled_from(list(Basis)), st.integers(0, 100), min_size=1)


@st.composite
def networks(draw: st.DrawFn) -> tuple[Partner, ...]:
    ids = draw(st.lists(st.integers(1, 50), min_size=1, max_size=10, unique=True))
    return tuple(
        Partner(pid, f"P{pid}", f"Partner {pid}", imaging_exams_per_year=draw(_count), pay_cost_gbp=draw(_money),
                direct_non_pay_gbp=draw(_money), total_operating_cost_gbp=draw(_money),
                going_concern_value_gbp=draw(_money))
        for pid in ids
    )


def _uncached(partners: tuple[Partner, ...], weights: dict[Basis, int]) -> shares.ShareTable:
    """The table worked out from scratch, bypassing the cache."""
    fixed = shares._partner_part(partners)
    blend = blend_shares(partners, weights)
    gains = shares._gains(fixed.partner_ids, blend._scaled) if blend.has_basis else {}
    return replace(fixed, blend=blend, blend_gains=gains)


@settings(max_examples=150, deadline=None)
@given(networks(), st.lists(_weights, min_size=1, max_size=4))
def test_cached_tables_equal_tables_worked_out_from_scratch(partners, weight_moves):
    for weights in weight_moves:  # a slider moving over the same partners
        got = share_table(partners, weights)
        want = _uncached(partners, weights)
        assert got == want
        assert got.blend is not None and want.blend is not None
        assert got.blend.percents == want.blend.percents and got.blend.reason == want.blend.reason
        assert got.bases == {b: basis_shares(partners, b) for b in Basis}


def _demo() -> tuple[Partner, ...]:
    return (
        Partner(1, "AAA", "Alpha", imaging_exams_per_year=300, pay_cost_gbp=D("10.0")),
        Partner(2, "BBB", "Beta", imaging_exams_per_year=100, pay_cost_gbp=D("30")),
        Partner(3, "CCC", "Gamma", imaging_exams_per_year=600, pay_cost_gbp=D("60")),
    )


def test_a_slider_move_reuses_the_bases_and_only_reblends():
    partners = _demo()
    first = share_table(partners, {Basis.PAY: 30, Basis.ACTIVITY: 70})
    second = share_table(partners, {Basis.PAY: 40, Basis.ACTIVITY: 60})
    assert second.bases is first.bases and second.spreads is first.spreads  # remembered, not recomputed
    assert second.blend != first.blend
    assert second.blend_gains != first.blend_gains


def test_a_changed_figure_is_never_served_from_the_cache():
    partners = _demo()
    before = share_table(partners, {Basis.PAY: 1})
    edited = (replace(partners[0], pay_cost_gbp=D("40")), *partners[1:])
    after = share_table(edited, {Basis.PAY: 1})
    assert before.bases[Basis.PAY].percents[1] == D("10.00")
    assert after.bases[Basis.PAY].percents[1] == D("30.77")
    assert after.blend is not None and after.blend.percents[1] == D("30.77")


def test_equal_partners_written_differently_get_their_own_figures():
    partners = _demo()
    share_table(partners)
    # Decimal("10.00") == Decimal("10.0"), so these partners are equal, but the figure is shown as given.
    rewritten = (replace(partners[0], pay_cost_gbp=D("10.00")), *partners[1:])
    assert rewritten == partners
    table = share_table(rewritten)
    assert str(table.bases[Basis.PAY].figures[1]) == "10.00"
    assert str(share_table(partners).bases[Basis.PAY].figures[1]) == "10.0"


def test_duplicate_ids_are_refused_every_time():
    twins = (Partner(1, "A", "A"), Partner(1, "B", "B"))
    for _ in range(2):
        with pytest.raises(ValueError, match="distinct"):
            share_table(twins, {Basis.PAY: 1})


def test_the_cache_keeps_only_the_last_few_sets_of_partners():
    calls: list[int] = []
    cache = PartnersCache(lambda ps: calls.append(len(ps)) or len(ps), size=2)
    a, b, c = (Partner(i, f"P{i}", f"P{i}") for i in (1, 2, 3))
    assert cache([a]) == 1 and cache([a]) == 1 and calls == [1]
    cache([a, b])
    cache([a, b, c])
    assert len(cache) == 2
    cache([a])  # the oldest was dropped, so this is worked out again
    assert calls == [1, 2, 3, 1]
    cache.clear()
    assert len(cache) == 0


def test_a_failing_computation_is_not_remembered():
    attempts: list[int] = []

    def flaky(ps: tuple[Partner, ...]) -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise ValueError("first time")
        return len(ps)

    cache = PartnersCache(flaky)
    partners = [Partner(1, "A", "A")]
    with pytest.raises(ValueError):
        cache(partners)
    assert cache(partners) == 1 and len(attempts) == 2
