"""Full-text search of the archive (a leaf: imports only `vietnamese` and third parties)."""
