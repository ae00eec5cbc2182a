"""The app's colours that carry meaning, in one place: the Okabe–Ito set (distinct for the common forms of
colour blindness) and the ink. Screens (``ui.common.theme``) and charts both read them from here; a colour
is always paired with words, a symbol or a hatch, so print in grey still reads."""

# Okabe–Ito
BLUE = "#0072B2"
ORANGE = "#E69F00"
BLUISH_GREEN = "#009E73"
VERMILLION = "#D55E00"

INK = "#111111"  # body text, chart text
GRID = "#C8C8C8"

VOTE_SHARE = BLUE
BANZHAF = ORANGE
SHAPLEY = BLUISH_GREEN
HATCHES = {"votes": "", "banzhaf": "//", "shapley": ".."}
