"""The Qt workstation window; talks to the core only through `digitizer.service`."""
