"""The workstation window: a Qt face on `digitizer.service.Workstation`.

Only this package imports Qt, and only through `ui.qt`. The window talks to the core through
the service API alone; long work runs on worker threads (`ui.tasks`) and comes back as signals.
"""
