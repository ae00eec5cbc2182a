"""matplotlib drawing onto a Figure it is given: no pyplot, no Qt. The UI owns the canvas; exports save PNGs."""
