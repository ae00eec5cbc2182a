"""The lettered background of the MOU: the national strategy's drivers, and the network measured against the
characteristics the strategy sets out, in the app's own words and with the network's own figures."""

from __future__ import annotations

from imagingnet_desktop.documents.model import Recital
from imagingnet_desktop.domain.network.network import (
    POPULATION_RANGE,
    RADIOLOGIST_VACANCY_DRIVER_PCT,
    RADIOLOGISTS_RANGE,
    STAFF_RANGE,
    STAFF_VACANCY_DRIVER_PCT,
    CheckStatus,
    Network,
    NetworkCheck,
    checks,
    totals,
)
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.exports import figures


def recitals(network: Network) -> tuple[Recital, ...]:
    t = totals(network)
    by_id = {c.id: c for c in checks(network)}
    low, high = POPULATION_RANGE
    return (
        Recital(
            "The national strategy for imaging networks asks NHS trusts to provide diagnostic imaging together, "
            "in networks, so that services stay sustainable as demand for imaging keeps rising. The pressures "
            f"it names are: demand growing faster than capacity; vacancy rates above {STAFF_VACANCY_DRIVER_PCT}% "
            f"in imaging departments and above {RADIOLOGIST_VACANCY_DRIVER_PCT}% among reporting radiologists; "
            "ageing equipment that needs a programme of replacement; and pathways that are changing as "
            "integrated care systems develop."),
        Recital(
            f"The strategy describes a network that serves between {low / 1e6:g} million and {high / 1e6:g} "
            "million people (2.5 million on average); has the critical mass of about "
            f"{figures.count(STAFF_RANGE[0])} to {figures.count(STAFF_RANGE[1])} imaging staff and "
            f"{RADIOLOGISTS_RANGE[0]} to {RADIOLOGISTS_RANGE[1]} consultant radiologists; works with the local "
            "clinical networks (Cancer Alliances, primary PCI centres and hyper-acute stroke units); and shares "
            "digital systems so that images can be reported wherever the capacity is."),
        Recital(
            f"Together the Partners serve {figures.count(t.population_served)} people, which is "
            f"{_against(by_id['population'])}. They employ {figures.amount(t.imaging_staff_wte)} WTE imaging "
            f"staff ({_against(by_id['staff'])}) and {figures.amount(t.consultant_radiologists_wte)} WTE "
            f"consultant radiologists ({_against(by_id['radiologists'])})."),
        Recital(_vacancies(by_id["staff_vacancy"], by_id["radiologist_vacancy"])),
        Recital(_clinical_networks(network)),
        Recital(
            "The Partners wish to form the network together. This memorandum is the first of six steps: this "
            "memorandum, a strategic outline case, an outline business case, a full business case, "
            "implementation, and then monitoring and management of the network once it runs."),
        Recital(
            "Pathology networks learned that commercial questions left to the end (hosting, voting, shares, "
            "and the transfer of assets, contracts and staff) hold up the operating model. The Partners "
            "therefore mean to settle the commercial principles early, starting with those set out here."),
    )


def _against(check: NetworkCheck) -> str:
    where = {CheckStatus.WITHIN: "within", CheckStatus.BELOW: "below", CheckStatus.ABOVE: "above"}
    low, high = figures.count(int(check.min)), figures.count(int(check.max))
    return f"{where.get(check.status, 'measured against')} the range of {low} to {high} the strategy describes"


def _vacancies(staff: NetworkCheck, radiologists: NetworkCheck) -> str:
    parts = []
    for check, who in ((staff, "imaging staff"), (radiologists, "consultant radiologists")):
        if check.value is None:
            parts.append(f"the Partners have not yet given vacancy figures for {who}")
            continue
        side = "above" if check.status is CheckStatus.ABOVE else "within"
        parts.append(f"the vacancy rate among {who} is {figures.percent(check.value)}, {side} the "
                     f"{int(check.max)}% the strategy treats as a driver for change")
    return "Across the network, weighted by the staff in post, " + "; and ".join(parts) + "."


def _clinical_networks(network: Network) -> str:
    t = totals(network)
    names = {p.code: p.name for p in network.partners}
    alliances = join_words(list(t.cancer_alliances))
    ppci = join_words([names[c] for c in t.ppci_centres])
    stroke = join_words([names[c] for c in t.hyper_acute_stroke_units])
    return (
        "The network will support the clinical networks its Partners belong to: "
        + (f"the {alliances}" if alliances else "no Cancer Alliance has been named yet")
        + "; primary PCI services at " + (ppci or "no Partner yet named") + "; and hyper-acute stroke units at "
        + (stroke or "no Partner yet named") + "."
    )
