"""Acquisition: taking pages in from files, folders, scanners and hot folders, and cutting
stacks of pages into documents at separator sheets."""
