"""The presentation kit shared by the pages: URL state, cached core calls, charts, text."""
