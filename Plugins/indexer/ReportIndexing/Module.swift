// see docs/ARCHITECTURE.md
