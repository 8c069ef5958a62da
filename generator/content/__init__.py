"""Readers (bytes → data with positions) and the loader (files → typed model)."""
