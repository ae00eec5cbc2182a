"""The workshop record: decisions, actions, open issues, and motions voted in the room."""
