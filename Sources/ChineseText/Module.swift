// Module ChineseText: see docs/ARCHITECTURE.md.
