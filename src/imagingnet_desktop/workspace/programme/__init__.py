"""The programme in the open workspace: its collections, the edits the tab makes and what it reads."""
