"""The pipeline after import: prepare and recognise pages, as persisted, resumable jobs."""
