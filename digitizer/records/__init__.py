"""The archival record read from the page: proposals for a document's record fields (Party and
State documents), kept apart from what a person typed or confirmed."""
