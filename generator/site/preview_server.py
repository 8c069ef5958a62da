"""`fengcai serve`'s server: MkDocs' livereload server on 127.0.0.1 with the preview's error banner.

The banner is added to each HTML response (never written into the built files), so every page shows
it, also pages the last rebuild did not touch; the tab title is marked too. SIGTERM stops the server like Ctrl+C (temp folder removed).
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

from .mkdocs_adapter import FengcaiPlugin, install
from .preview import TITLE_MARK, Preview
from .site_build import config_file


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def serve(root: Path, port: int) -> int:
    """Build, serve on 127.0.0.1:port, rebuild on every change under content/ and workers/ until Ctrl+C."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import LiveReloadServer

    root = Path(root).resolve()
    if not port_free(port):
        print(f"错误: 端口 {port} 已被占用 — 提示: 关掉另一个预览，或用 --port 换一个端口，例如 --port {port + 1}",
              file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _quiet_mkdocs()
    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    preview = Preview(root)
    site_dir = tempfile.mkdtemp(prefix="fengcai-preview-")
    url = f"http://127.0.0.1:{port}/"

    def get_config():
        """A config per build, with its own plugin object that asks the preview for the model."""
        cfg = load_config(config_file=str(config_file(root)), site_dir=site_dir)
        cfg.site_url = url
        install(cfg, FengcaiPlugin(root, preview=preview))
        return cfg

    def builder(cfg=None, first: bool = False):
        started = time.perf_counter()
        preview.search.cancel()
        try:
            build(cfg or get_config(), serve_url=url, dirty=True)
        except Exception as e:   # MkDocs, the file system: say it, keep serving
            preview.notes.append(f"{type(e).__name__}: {e}" if not isinstance(e, MkDocsException) else str(e))
        preview.print_report(color)
        took = time.perf_counter() - started
        print(f"预览地址：{url} （按 Ctrl+C 结束）" if first else f"已重新生成（{took:.1f} 秒）", flush=True)

    class Server(LiveReloadServer):
        def _inject_js_into_html(self, content, epoch):
            return _with_banner(super()._inject_js_into_html(content, epoch), preview.banner_html())

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    server = Server(builder=builder, host="127.0.0.1", port=port, root=site_dir)
    server.error_handler = lambda code: _error_page(site_dir, code)
    print(f"正在生成预览：{root}", flush=True)
    signal.signal(signal.SIGTERM, _stop)   # `kill` / a test's terminate(): clean up like Ctrl+C
    try:
        builder(config, first=True)
        server.watch(config.config_file_path)
        config.plugins.on_serve(server, config=config, builder=builder)   # watches content/ and workers/
        for name in ("content", "workers"):
            if (root / name).is_dir():
                server.watch(str(root / name))
        try:
            server.serve()
        except KeyboardInterrupt:
            print("预览已结束。", flush=True)
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        preview.search.cancel()
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.rmtree(site_dir + "-pagefind", ignore_errors=True)
    return 0


def _stop(signum, frame):
    raise KeyboardInterrupt


def _with_banner(content: bytes, banner: str) -> bytes:
    """The banner right after <body>, and the tab title marked, so an editor whose save broke the
    content sees it even in another tab or scrolled down the page."""
    if not banner:
        return content
    start = content.find(b"<body")
    end = content.find(b">", start) + 1 if start >= 0 else 0
    content = content[:end] + banner.encode() + content[end:]
    return content.replace(b"<title>", b"<title>" + TITLE_MARK.encode(), 1)


def _error_page(site_dir: str, code: int) -> bytes | None:
    page = Path(site_dir) / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _quiet_mkdocs() -> None:
    """MkDocs' INFO lines and its "dirty build" warning are English developer talk; the preview says its own."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR)
    logging.getLogger("mkdocs.livereload").setLevel(logging.ERROR)
