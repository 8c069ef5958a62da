"""劳模风采录 generator: content (YAML + Markdown) → typed model → website, search, exports, booklets."""

__version__ = "0.1.0"
