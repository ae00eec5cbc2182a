"""The commercial models and their variants, read from ``resources/commercial_models.toml``.

The content (what each model is, how binding, TUPE, hosting, VAT, what must be agreed) lives in the TOML file;
the rules that depend on it (``corporate``, ``needs_host``, ``comparator``) are read with it, so the eligibility
checks in ``eligibility.py`` never name a model in code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from imagingnet_desktop.resources import resource

BUSINESS_AS_USUAL = "business_as_usual"
DO_MINIMUM = "do_minimum"
COMPARATORS = (BUSINESS_AS_USUAL, DO_MINIMUM)
COMPARATOR_LABELS = {BUSINESS_AS_USUAL: "business as usual", DO_MINIMUM: "do-minimum"}


@dataclass(frozen=True)
class CommercialModel:
    key: str
    name: str
    short_name: str  # for a column heading
    tier: int  # 0 (least integrated) .. 4 (most)
    is_variant: bool
    comparator: str  # "", BUSINESS_AS_USUAL or DO_MINIMUM
    corporate: bool  # a separate corporate body: open only to NHS Foundation Trusts
    needs_host: bool  # one partner trust hosts the network
    one_team: bool  # a single management team for the network
    staff_transfer: bool  # staff transfer under TUPE
    new_entity: bool  # a separate legal entity
    what_it_is: str
    how_binding: str
    binding_level: int  # 0..4
    single_management_team: str
    tupe: str
    standardisation: str
    host_trust: str
    legal_entity: str
    vat: str
    to_agree: tuple[str, ...]

    def facts(self) -> tuple[tuple[bool, str], ...]:
        """The yes-or-no facts a picture of the spectrum shows, each in words."""
        return (
            (self.one_team, "One team" if self.one_team else "Separate teams"),
            (self.staff_transfer, "TUPE transfer" if self.staff_transfer else "No TUPE"),
            (self.needs_host, "Host trust" if self.needs_host else "No host"),
            (self.new_entity, "New legal entity" if self.new_entity else "No new entity"),
        )

    def implications(self) -> tuple[tuple[str, str], ...]:
        """(heading, text) rows for a details panel, in the order a board reads them."""
        return (
            ("What it is", self.what_it_is),
            ("How binding", self.how_binding),
            ("Single management team", self.single_management_team),
            ("TUPE transfer of staff", self.tupe),
            ("Standardisation", self.standardisation),
            ("Host trust", self.host_trust),
            ("Separate legal entity", self.legal_entity),
            ("VAT", self.vat),
        )


@dataclass(frozen=True)
class Catalogue:
    models: tuple[CommercialModel, ...]  # the spectrum, in tier order
    variants: tuple[CommercialModel, ...]

    @property
    def everything(self) -> tuple[CommercialModel, ...]:
        return (*self.models, *self.variants)

    def get(self, key: str) -> CommercialModel | None:
        for model in self.everything:
            if model.key == key:
                return model
        return None

    def by_key(self, key: str) -> CommercialModel:
        found = self.get(key)
        if found is None:
            raise KeyError(f"no commercial model '{key}'")
        return found

    def comparator(self, role: str) -> CommercialModel:
        return next(m for m in self.models if m.comparator == role)


def _model(entry: dict[str, object], *, is_variant: bool) -> CommercialModel:
    to_agree = entry["to_agree"]
    if not isinstance(to_agree, list):
        raise ValueError(f"{entry['key']}: to_agree must be a list")
    return CommercialModel(
        key=str(entry["key"]), name=str(entry["name"]), short_name=str(entry["short_name"]), tier=int(entry["tier"]),  # type: ignore[call-overload]
        is_variant=is_variant, comparator=str(entry["comparator"]), corporate=bool(entry["corporate"]),
        needs_host=bool(entry["needs_host"]), one_team=bool(entry["one_team"]),
        staff_transfer=bool(entry["staff_transfer"]), new_entity=bool(entry["new_entity"]), what_it_is=str(entry["what_it_is"]),
        how_binding=str(entry["how_binding"]), binding_level=int(entry["binding_level"]),  # type: ignore[call-overload]
        single_management_team=str(entry["single_management_team"]), tupe=str(entry["tupe"]),
        standardisation=str(entry["standardisation"]), host_trust=str(entry["host_trust"]),
        legal_entity=str(entry["legal_entity"]), vat=str(entry["vat"]),
        to_agree=tuple(str(item) for item in to_agree),
    )


def parse_catalogue(text: str) -> Catalogue:
    """Read the models from TOML text; a broken file is a programming error, said plainly."""
    data = tomllib.loads(text)
    models = tuple(sorted((_model(e, is_variant=False) for e in data["model"]), key=lambda m: m.tier))
    variants = tuple(_model(e, is_variant=True) for e in data.get("variant", []))
    keys = [m.key for m in (*models, *variants)]
    if len(set(keys)) != len(keys):
        raise ValueError("commercial models: every key must be unique")
    for role in COMPARATORS:
        if sum(m.comparator == role for m in models) != 1:
            raise ValueError(f"commercial models: exactly one model must be the {COMPARATOR_LABELS[role]} option")
    return Catalogue(models, variants)


@cache
def catalogue() -> Catalogue:
    """The shipped content (read once)."""
    return parse_catalogue(resource("commercial_models.toml").read_text(encoding="utf-8"))
