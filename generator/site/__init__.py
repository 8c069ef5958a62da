"""The 风采录 website: model → pages and files (pipeline), attached to MkDocs by mkdocs_adapter."""
