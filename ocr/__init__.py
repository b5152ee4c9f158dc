"""Page-image work and recognition (a leaf: imports only `vietnamese` and third parties)."""
