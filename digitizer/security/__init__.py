"""Secret documents stay offline: classification and the stamp detector, the encrypted vault,
guarded internal copies and the copy register, the hash-chained audit log, the network guard.

Nothing is imported here, so that a worker process loading the stamp detector loads only it.
"""
