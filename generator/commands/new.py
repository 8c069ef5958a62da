"""fengcai new worker|collective|studio|story|association|product|service|request NAME [--association ID]"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .. import scaffold
from ..check.references import option_hint
from ..content.fields import SLUG
from ..content.yaml_file import load_yaml_file
from ..project import find_root

KINDS = {"worker": "劳模", "collective": "模范集体", "studio": "创新工作室", "story": "文章", "association": "劳模协会",
         "product": "劳模产品", "service": "服务项目", "request": "点单记录"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=list(KINDS), help="要新建什么：worker（劳模）、collective（集体）、studio（工作室）、story（文章）、"
                                                  "association（协会）、product（劳模产品）、service（服务项目）、request（点单记录）")
    p.add_argument("name", help="姓名、名称或文章标题")
    p.add_argument("--association", default="", help="所属劳模协会编号，例如 nanxun")
    p.add_argument("--id", default="", help="协会编号（只用于 association，例如 nanxun）")
    p.add_argument("--parent", default="", help="上级协会编号（只用于 association，例如 huzhou）")
    p.add_argument("--date", default="", help="文章日期或点单日期（只用于 story、request，例如 2025-05-01；默认今天）")
    p.add_argument("--service", default="", help="服务项目编号（只用于 request，例如 deqing-jineng-peixun）")
    p.add_argument("--root", type=Path, default=None, help="项目根目录，默认自动查找")


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root) if args.root else (find_root() or Path.cwd())
    if root is None:
        print(f"错误: {args.root} 不是项目目录（里面没有 content/ 或 workers/）", file=sys.stderr)
        return 2
    name = args.name.strip()
    if not name:
        print("错误: 名称不能为空", file=sys.stderr)
        return 2
    known = _association_names(root)
    for flag in ("association", "parent"):
        value = getattr(args, flag)
        if value and known and value not in known:
            print(f"错误: 协会编号「{value}」不存在 — 提示: {option_hint('--' + flag, value, known)}", file=sys.stderr)
            return 2
    for flag in ("association", "parent", "id", "service"):
        value = getattr(args, flag)
        if value and not SLUG.match(value):
            print(f"错误: --{flag} 的值「{value}」不是有效的编号 — 提示: 只能用小写字母、数字和连字符，例如 nanxun", file=sys.stderr)
            return 2
    services = root / "content" / "services"
    if args.service and not (services / f"{args.service}.yml").is_file():
        known = sorted(p.stem for p in services.glob("*.yml")) if services.is_dir() else []
        hint = f"可用的编号：{'、'.join(known)}" if known else "先用 fengcai new service 服务名称 --association 协会编号 新建服务项目"
        print(f"错误: 服务项目编号「{args.service}」不存在 — 提示: {hint}", file=sys.stderr)
        return 2
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"错误: 日期「{args.date}」格式不对 — 提示: 写成 2025-05-01", file=sys.stderr)
            return 2
    if args.kind == "worker":
        same = scaffold.workers_named(root, name)
        if same:
            where = "、".join(f"workers/{wid}/（{employer or '单位未填'}）" for wid, employer in same)
            print(f"注意: 已经有叫「{name}」的劳模：{where}。如果是同一个人，请直接修改那里的 profile.yml，"
                  "并删掉下面新建的文件夹；如果是同名的另一个人，请在新文件夹里填写。")
        created = scaffold.new_worker(root, name, args.association)
    elif args.kind == "collective":
        created = scaffold.new_collective(root, name, args.association)
    elif args.kind == "studio":
        created = scaffold.new_studio(root, name, args.association)
    elif args.kind == "association":
        created = scaffold.new_association(root, name, args.id, args.parent)
    elif args.kind == "product":
        created = scaffold.new_product(root, name, args.association)
    elif args.kind == "service":
        created = scaffold.new_service(root, name, args.association)
    elif args.kind == "request":
        created = scaffold.new_request(root, name, args.service, date)
    else:
        created = scaffold.new_story(root, name, args.association, date)
    print(f"已新建{KINDS[args.kind]}「{name}」，编号 {created.id}：")
    for f in created.files:
        print(f"  {f.relative_to(root).as_posix()}")
    print("下一步：打开上面的文件，把所有【待填写…】换成真实内容，然后运行 fengcai check 检查。")
    return 0


def _association_names(root: Path) -> dict[str, list[str]]:
    """{id: [name, short name]} of the associations in content/associations/ (for suggestions)."""
    out = {}
    for path in sorted((root / "content" / "associations").glob("*.yml")):
        data, _ = load_yaml_file(path, root, [])
        data = data if isinstance(data, dict) else {}
        out[path.stem] = [str(data.get(k) or "").strip() for k in ("name", "short_name")]
    return out
