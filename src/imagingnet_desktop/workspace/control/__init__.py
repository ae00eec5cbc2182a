"""workspace: control — the Control tab's collections, edits and the reserved matters under the agreed votes."""
