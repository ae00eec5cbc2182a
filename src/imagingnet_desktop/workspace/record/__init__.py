"""The Record tab's collections and edits: the log of decisions, actions and issues, and motions."""
