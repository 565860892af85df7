// Module Daemon: see docs/ARCHITECTURE.md.
