"""Colour-blind-safe colours (Okabe–Ito), each paired with a hatch so print in grey still reads."""

VOTE_SHARE = "#0072B2"  # blue
BANZHAF = "#E69F00"  # orange
SHAPLEY = "#009E73"  # bluish green
TEXT = "#1A1A1A"
GRID = "#C8C8C8"
WARNING = "#D55E00"  # vermillion
HATCHES = {"votes": "", "banzhaf": "//", "shapley": ".."}
