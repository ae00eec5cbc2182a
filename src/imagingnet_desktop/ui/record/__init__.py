"""The Record tab: the workshop log (decisions, actions, open issues) and motions voted in the room."""
