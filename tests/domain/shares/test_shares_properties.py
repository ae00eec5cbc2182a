"""Properties of basis shares, blends and the share table on random networks (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.shares.share_table import Basis, basis_shares, blend_shares, share_table

D = Decimal
HUNDREDTH_D = D("0.01")
HUNDREDTH = Fraction(1, 100)

_money = st.one_of(
    st.builds(lambda m, e: D(m).scaleb(e), st.integers(0, 10**12), st.integers(-2, 20)),  # pence to huge
    st.sampled_from([D("0.01"), D("1000000"), D("12700000.00")]),  # repeats, so ties are common
)
_count = st.one_of(st.integers(0, 10**9), st.sampled_from([1, 80_000]))
_maybe_money = st.one_of(st.none(), _money)
_maybe_count = st.one_of(st.none(), _count)


@st.composite
def networks(draw, min_size: int = 1, max_size: int = 100) -> tuple[Partner, ...]:
    """Partners with distinct ids in a random order, each figure possibly missing or zero."""
    n = draw(st.integers(min_size, max_size))
    ids = draw(st.lists(st.integers(1, 10**6), min_size=n, max_size=n, unique=True))
    return tuple(
        Partner(
            pid, f"P{pid}", f"Partner {pid}",
            imaging_exams_per_year=draw(_maybe_count),
            pay_cost_gbp=draw(_maybe_money),
            direct_non_pay_gbp=draw(_maybe_money),
            total_operating_cost_gbp=draw(_maybe_money),
            going_concern_value_gbp=draw(_maybe_money),
        )
        for pid in ids
    )


_weight = st.one_of(st.integers(0, 100), st.decimals(min_value=0, max_value=1000, places=3), st.fractions(0, 50))
weights = st.dictionaries(st.sampled_from(list(Basis)), _weight, min_size=1)


def _figure(p: Partner, basis: Basis) -> Fraction:
    value = getattr(p, basis.field)
    return Fraction(0) if value is None else Fraction(value)


@given(networks(), st.sampled_from(list(Basis)))
def test_basis_shares_are_exact_and_their_percents_sum_to_100_but_for_equal_shares_kept_equal(partners, basis):
    result = basis_shares(partners, basis)
    assert result.partner_ids == tuple(p.id for p in partners)
    assert result.missing == tuple((p.id, p.code) for p in partners if getattr(p, basis.field) is None)
    assert result.is_complete == (not result.missing)
    total = sum(_figure(p, basis) for p in partners)
    assert Fraction(result.total) == total
    if total == 0:
        assert not result.has_basis and result.reason and result.percents == {}
        return
    assert result.has_basis
    assert list(result.percents) == list(result.proportions) == list(result.partner_ids)
    assert abs(sum(result.percents.values()) - D("100.00")) < len(partners) * HUNDREDTH_D
    remainders = [(10000 * q) % 1 for q in result.proportions.values()]
    if len(set(remainders)) == len(remainders):  # no two remainders alike, so no tie to keep
        assert sum(result.percents.values()) == D("100.00")
    assert sum(result.proportions.values()) == 1
    for p in partners:
        exact = _figure(p, basis) / total
        assert result.proportions[p.id] == exact
        assert abs(Fraction(result.percents[p.id]) - exact * 100) < HUNDREDTH
    assert bool(result.notes) == bool(result.missing)


@given(networks(max_size=30), st.sampled_from(list(Basis)),
       st.one_of(st.integers(1, 10**6), st.decimals(min_value=D("0.001"), max_value=10**6, places=3)))
def test_a_blend_of_one_basis_equals_that_basis(partners, basis, weight):
    single = basis_shares(partners, basis)
    blend = blend_shares(partners, {basis: weight})
    assert blend.has_basis == single.has_basis
    assert blend.proportions == single.proportions
    assert blend.percents == single.percents
    assert blend.missing == single.missing


@given(networks(max_size=30), weights, st.one_of(st.integers(1, 10**9), st.fractions(min_value=Fraction(1, 10**6),
                                                                                       max_value=10**6)))
def test_scaling_all_weights_changes_nothing(partners, raw, k):
    scaled = {b: Fraction(w) * k for b, w in raw.items()}
    a, b = blend_shares(partners, raw), blend_shares(partners, scaled)
    assert a.reason == b.reason
    assert a.proportions == b.proportions and a.percents == b.percents
    assert [c.normalised for c in a.components] == [c.normalised for c in b.components]


@given(networks(max_size=30), weights)
def test_a_blend_is_the_weighted_sum_of_its_bases(partners, raw):
    blend = blend_shares(partners, raw)
    positive = {b: Fraction(w) for b, w in raw.items() if w > 0}
    singles = {b: basis_shares(partners, b) for b in positive}
    if not positive or not all(s.has_basis for s in singles.values()):
        assert not blend.has_basis and blend.reason and blend.percents == {}
        return
    weight_sum = sum(positive.values())
    assert [c.basis for c in blend.components] == [b for b in Basis if b in positive]
    assert sum(c.normalised for c in blend.components) == 1
    assert abs(sum(c.percent for c in blend.components) - D("100.00")) < len(blend.components) * D("0.01")
    for p in partners:
        expected = sum(w / weight_sum * singles[b].proportions[p.id] for b, w in positive.items())
        assert blend.proportions[p.id] == expected
        assert abs(Fraction(blend.percents[p.id]) - expected * 100) < HUNDREDTH
        lows = [singles[b].proportions[p.id] for b in positive]
        assert min(lows) <= blend.proportions[p.id] <= max(lows)
    assert abs(sum(blend.percents.values()) - D("100.00")) < len(partners) * D("0.01")
    assert blend.missing == tuple(
        (p.id, p.code) for p in partners if any(getattr(p, b.field) is None for b in positive))


@settings(max_examples=60)
@given(networks(max_size=40), st.one_of(st.none(), weights))
def test_share_table_spread_and_gains_agree_with_the_bases(partners, raw):
    table = share_table(partners, raw)
    n = len(partners)
    assert list(table.equal) == list(table.partner_ids)
    assert table.available == tuple(b for b in Basis if table.bases[b].has_basis)
    for p in partners:
        spread = table.spreads[p.id]
        counted = [b for b in table.available if getattr(p, b.field) is not None]
        assert spread.bases == tuple(counted)
        if not counted:
            assert spread.min_percent is spread.max_percent is spread.range_points is None
            continue
        shown = {b: table.bases[b].percents[p.id] for b in counted}
        exact = {b: table.bases[b].proportions[p.id] for b in counted}
        # The lowest and highest exact share, a tie going to the earlier basis.
        assert spread.min_basis == next(b for b in counted if exact[b] == min(exact.values()))
        assert spread.max_basis == next(b for b in counted if exact[b] == max(exact.values()))
        assert spread.min_percent == shown[spread.min_basis]
        assert spread.max_percent == shown[spread.max_basis]
        assert spread.range_points == spread.max_percent - spread.min_percent >= 0
        for b in table.available:
            gain = Fraction(table.gains[b][p.id])
            assert abs(gain - (table.bases[b].proportions[p.id] - Fraction(1, n)) * 100) <= Fraction(1, 200)
    if table.blend is not None and table.blend.has_basis:
        for p in partners:
            gain = Fraction(table.blend_gains[p.id])
            assert abs(gain - (table.blend.proportions[p.id] - Fraction(1, n)) * 100) <= Fraction(1, 200)
