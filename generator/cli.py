"""The `fengcai` command: one sub-command per module in generator/commands/."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import signal
import sys
import threading

# name → (module, one-line help shown by `fengcai --help`)
COMMANDS = {
    "check": ("generator.commands.check", "检查内容文件，列出所有问题"),
    "build": ("generator.commands.build", "生成网站（和小册子）"),
    "serve": ("generator.commands.serve", "本地预览网站，修改内容后自动刷新"),
    "booklet": ("generator.commands.booklet", "生成可打印的 PDF 小册子"),
    "new": ("generator.commands.new", "新建劳模、集体、工作室、文章或协会的模板"),
    "publish": ("generator.commands.publish", "把生成好的网站复制到发布目录或打包"),
    "demo": ("generator.commands.demo", "生成用于测试和性能评估的虚构数据"),
    "import": ("generator.commands.import_", "从 Excel（.xlsx）或 CSV 劳模名录导入资料（导入为草稿）"),
    "export": ("generator.commands.export", "把已公开的劳模和集体资料导出为 Excel 表格"),
    "clean-media": ("generator.commands.clean_media", "去掉仓库里照片、视频原文件的拍摄地点、相机序列号等信息（画面不变）"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fengcai", description="劳模风采录生成器")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    modules = {}
    for name, (modname, help_text) in COMMANDS.items():
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if e.name == modname:
                continue  # command not built yet
            raise
        modules[name] = mod
        p = sub.add_parser(name, help=help_text, description=help_text)
        mod.add_arguments(p)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        with _sigterm_interrupts():
            return int(modules[args.command].run(args) or 0)
    except KeyboardInterrupt as e:
        print("已中断：没有完成的输出已经清理，原来的网站和文件保持不变。", file=sys.stderr)
        return 143 if isinstance(e, Terminated) else 130


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a service manager, CI cancelling): unwinds like Ctrl-C, so temporary folders
    are removed and worker processes stopped on the way out."""


@contextlib.contextmanager
def _sigterm_interrupts():
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise Terminated()

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before if before is not None else signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())
