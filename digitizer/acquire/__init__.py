"""Acquisition: taking pages in from files, folders and (later) scanners."""
