"""The Programme tab: the six steps × four workstreams heat-map, the checklist, the gate and the timeline."""
