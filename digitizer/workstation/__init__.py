"""What `digitizer.service.Workstation` delegates to, one manager a concern: the vault session
(`vault`), the settings and their policy (`policy`) and the editing of the library (`editing`).
The facade keeps every call the command line and the window make; the managers hold the state
and the rules."""
