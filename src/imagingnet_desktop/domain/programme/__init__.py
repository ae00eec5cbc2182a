"""The programme: six steps × four workstreams, the checklist, completeness against targets and the gates."""
