// Module WorkerKit: see docs/ARCHITECTURE.md.
