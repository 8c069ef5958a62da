"""MkDocs `hooks:` entry (see mkdocs.yml). Forwards to generator.site.mkdocs_adapter."""

import sys
from pathlib import Path

_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:  # `mkdocs build` from the repo root without an installed package
    sys.path.insert(0, _REPO)

from generator.site.mkdocs_adapter import (  # noqa: E402,F401
    on_config, on_env, on_files, on_page_content, on_page_markdown, on_post_build, on_serve,
)
