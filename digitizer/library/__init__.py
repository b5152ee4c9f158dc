"""The archive library: catalogue, object store and their integrity check."""

from digitizer.library.library import Library
from digitizer.library.verify import VerifyReport, verify

__all__ = ["Library", "VerifyReport", "verify"]
