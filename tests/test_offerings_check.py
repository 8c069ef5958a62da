"""`fengcai check` on products, services and 点单 requests: one small bad fixture per rule, the message names
the file, the line and the fix (in Chinese), and the rules for unpublished people are the model's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.changed import scope_of
from generator.check import check_tree
from generator.cli import main
from offerings_content import BAD_REQUEST, offerings_tree
from site_content import write

REQ = "content/requests/2025-03-02-hexi-shequ-xianlu.yml"
PROD = "content/products/qingyu-mianfen.yml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return offerings_tree(tmp_path / "proj")


def problems(root: Path, capsys) -> list[dict]:
    code = main(["check", "--root", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == (0 if data["ok"] else 1)
    return data["problems"]


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes(found: list[dict]) -> set[str]:
    return {p["code"] for p in found}


def test_new_content_passes_with_warnings_only_for_the_draft_maker(root, capsys):
    found = problems(root, capsys)
    assert all(p["severity"] == "warning" for p in found), found
    drafts = [p for p in found if p["code"] == "ref.draft"]
    # the draft worker makes a product, offers a service and took on a request: three lines, three warnings
    assert {p["file"] for p in drafts} == {"content/products/caogao-chaye.yml", "content/services/city-anquan-yongdian.yml",
                                          "content/requests/2026-05-05-jinglaoyuan-xianlu.yml"}
    assert all("赵草稿" in p["message"] and "还是草稿" in p["message"] for p in drafts)


def test_a_requester_with_a_mobile_number_is_refused_at_its_line(root, capsys):
    name, text = BAD_REQUEST
    write(root / f"content/requests/{name}.yml", text)
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr().out
    assert code == 1
    rel = f"content/requests/{name}.yml"
    assert f"{rel}:3:16: 错误: 这里有一个手机号码「13812345678」，个人手机号不能公开" in out
    assert f"{rel}:3:12: 错误: 点单单位「王大妈 13812345678」" in out and "不写个人的姓名和电话" in out


@pytest.mark.parametrize("requester, kind, why", [
    ("王小明", "community", "像是个人"),
    ("李阿姨", "village", "像是个人"),
    ("河西街道热心群众", "community", "看不出是一个社区的名称"),
    ("测试市实验小学", "company", "看不出是一个企业的名称"),
])
def test_requester_must_be_an_organisation_of_its_type(root, capsys, requester, kind, why):
    edit(root, REQ, "requester: 测试市河西街道河西社区居民委员会\nrequester_type: community",
         f"requester: {requester}\nrequester_type: {kind}")
    p = next(p for p in problems(root, capsys) if p["code"] == "request.requester")
    assert (p["file"], p["line"], p["severity"]) == (REQ, 3, "error")
    assert why in p["message"] and "requester_type" in p["hint"]


def test_requester_with_a_note_in_brackets_is_still_an_organisation(root, capsys):
    edit(root, REQ, "requester: 测试市河西街道河西社区居民委员会", "requester: 测试市河西街道河西社区居民委员会（示例）")
    assert "request.requester" not in codes(problems(root, capsys))


def test_no_telephone_number_of_any_kind_in_a_request(root, capsys):
    edit(root, REQ, "outcome: 检查了", "outcome: 联系电话 0572-2345678，检查了")
    p = next(p for p in problems(root, capsys) if p["code"] == "request.phone")
    assert (p["line"], p["column"]) == (11, 15) and "0572-2345678" in p["message"]


@pytest.mark.parametrize("old, new, message", [
    ("completed: 2025-03-20\n", "", "状态是「已完成」，但没有写完成日期"),
    ("claimed: 2025-03-03\n", "", "状态是「已完成」，但没有写认领日期"),
    ("taken_by:\n  studio: lathe\n", "", "状态是「已完成」，但没有写是谁认领的"),
    ("status: done", "status: open", "状态是「待认领」，却写了 claimed、taken_by、completed"),
    ("status: done", "status: claimed", "状态是「已认领」，却写了完成日期 completed"),
])
def test_status_and_fields_agree(root, capsys, old, new, message):
    edit(root, REQ, old, new)
    found = [p for p in problems(root, capsys) if p["code"] == "request.status"]
    assert [p["message"] for p in found] == [message]
    assert found[0]["file"] == REQ and found[0]["line"] == 6


def test_dates_in_order_and_not_in_the_future(root, capsys):
    edit(root, REQ, "completed: 2025-03-20", "completed: 2025-03-01")
    p = next(p for p in problems(root, capsys) if p["code"] == "request.date-order")
    assert (p["line"], p["message"]) == (10, "完成日期 2025-03-01 早于认领日期 2025-03-03")
    edit(root, REQ, "completed: 2025-03-01", "completed: 2999-01-01")
    p = next(p for p in problems(root, capsys) if p["code"] == "request.future")
    assert p["line"] == 10 and "2999-01-01" in p["message"]


def test_status_uses_its_ids_and_suggests_from_the_chinese_label(root, capsys):
    edit(root, REQ, "status: done", "status: 已完成")
    p = next(p for p in problems(root, capsys) if p["code"] == "schema.enum")
    assert p["line"] == 6 and "status: done" in p["hint"]


def test_done_without_outcome_is_a_warning(root, capsys):
    edit(root, REQ, "outcome: 检查了 12 栋楼的公共线路，更换老化开关 30 个。\n", "")
    p = next(p for p in problems(root, capsys) if p["code"] == "request.outcome")
    assert p["severity"] == "warning"


@pytest.mark.parametrize("maker, message", [
    ("maker:\n  worker: li-ming\n  studio: lathe", "「maker」（制作者）只能写一个：现在写了 worker、studio"),
    ("maker: li-ming", "「maker」（制作者）要写明是哪一类：worker（劳模）、studio（创新工作室）、collective（模范集体），再写编号"),
])
def test_a_product_has_exactly_one_maker(root, capsys, maker, message):
    edit(root, PROD, "maker:\n  worker: li-ming", maker)
    p = next(p for p in problems(root, capsys) if p["code"] == "product.maker")
    assert (p["file"], p["line"], p["message"]) == (PROD, 3, message)


def test_references_must_exist(root, capsys):
    edit(root, PROD, "worker: li-ming", "worker: li-min")
    edit(root, PROD, "  - city-hall", "  - city-hal")
    edit(root, REQ, "service: city-anquan-yongdian", "service: city-anquan")
    found = [p for p in problems(root, capsys) if p["code"] == "ref.missing"]
    assert {(p["file"], p["line"]) for p in found} == {(PROD, 4), (PROD, 16), (REQ, 2)}
    assert any("你是不是想写「li-ming」" in p["hint"] for p in found)
    assert any("你是不是想写「city-hall」" in p["hint"] for p in found)


def test_a_name_typed_instead_of_an_id_gets_the_id(root, capsys):
    edit(root, PROD, "worker: li-ming", "worker: 李明")
    edit(root, PROD, "association: town", "association: 小镇劳模协会")
    hints = {p["line"]: p["hint"] for p in problems(root, capsys) if p["code"] == "ref.missing"}
    assert "li-ming" in hints[4] and "town" in hints[2]


def test_a_service_needs_a_way_to_order(root, capsys):
    edit(root, "content/associations/city.yml", "  phone: 0572-2123456\n", "  email: city@example.org\n")
    p = next(p for p in problems(root, capsys) if p["code"] == "service.order")
    assert p["file"] == "content/services/city-anquan-yongdian.yml" and "order_url" in p["hint"]


def test_venue_ids_are_unique(root, capsys):
    edit(root, "content/associations/town.yml", "parent: city\n",
         "parent: city\nvenues:\n  - id: city-hall\n    name: 小镇展示点\n")
    p = next(p for p in problems(root, capsys) if p["code"] == "venue.duplicate")
    assert p["file"] == "content/associations/town.yml" and "content/associations/city.yml" in p["message"]


def test_unknown_category_is_a_warning_with_a_suggestion(root, capsys):
    edit(root, PROD, "category: 农产品", "category: 农产")
    p = next(p for p in problems(root, capsys) if p["code"] == "vocab.product-category")
    assert p["severity"] == "warning" and "农产品" in p["hint"]


def test_public_model_drops_the_unpublished_maker_and_taker_lines(root):
    model, report = check_tree(root)
    assert report.ok
    pub = model.public()
    assert "zhao-caogao" not in pub.workers
    assert pub.products["caogao-chaye"].maker.id == ""                 # the product stays, its maker line goes
    assert pub.products["qingyu-mianfen"].maker.id == "li-ming"
    assert pub.requests["2026-05-05-jinglaoyuan-xianlu"].taken_by.id == ""
    assert pub.services["city-anquan-yongdian"].workers == ["sun-meijin"]
    # a draft product or request is published nowhere; a request of a draft service has no place either
    edit(root, PROD, "category: 农产品", "category: 农产品\ndraft: true")
    edit(root, "content/services/city-anquan-yongdian.yml", "order_note:", "draft: true\norder_note:")
    pub = check_tree(root)[0].public()
    assert "qingyu-mianfen" not in pub.products
    assert "2025-03-02-hexi-shequ-xianlu" not in pub.requests and "2026-07-01-jingmi-gongsi-peixun" in pub.requests


def test_check_changed_scope_includes_what_names_a_changed_worker(root):
    model, _ = check_tree(root)
    scope = scope_of(model, {"workers/li-ming/profile.yml"})
    assert {PROD, "content/services/town-mianshi-peixun.yml", "content/requests/2025-04-01-dongcun-mianshi.yml"} <= scope
    scope = scope_of(model, {"content/services/city-anquan-yongdian.yml"})
    assert REQ in scope


def test_fengcai_new_product_service_request_then_fill_passes(root, capsys):
    assert main(["new", "service", "电工培训", "--association", "city", "--root", str(root)]) == 0
    sid = "city-dian-gong-pei-xun"
    assert main(["new", "request", "社区电工培训", "--service", sid, "--date", "2025-05-01", "--root", str(root)]) == 0
    assert main(["new", "product", "检修小车", "--association", "city", "--root", str(root)]) == 0
    assert main(["new", "request", "x", "--service", "nope", "--root", str(root)]) == 2
    out = capsys.readouterr()
    assert "服务项目编号「nope」不存在" in out.err and sid in out.err
    found = problems(root, capsys)
    unfilled = [p for p in found if p["code"] == "content.placeholder"]
    assert {p["file"] for p in unfilled} == {f"content/services/{sid}.yml", "content/requests/2025-05-01-she-qu-dian-gong-pei-xun.yml",
                                             "content/products/jian-xiu-xiao-che.yml"}
    assert all(p["code"] == "content.placeholder" for p in found if p["severity"] == "error"), found
    fill = {"【待填写：服务内容】": "给社区电工上课", "【待填写：点单单位全称】": "测试市河西街道河西社区居民委员会",
            "【待填写：单位类型，例如 village】": "community", "【待填写：类别】": "机电装备", "【待填写：产品介绍】": "一辆检修小车",
            "【待填写：劳模编号；是工作室就把 worker 改成 studio，是模范集体就改成 collective】": "li-ming"}
    for f in (root / "content").rglob("*.yml"):
        text = f.read_text(encoding="utf-8")
        for k, v in fill.items():
            text = text.replace(k, v)
        f.write_text(text, encoding="utf-8")
    assert not [p for p in problems(root, capsys) if p["severity"] == "error"]


def withdraw_li_ming(root: Path) -> None:
    edit(root, "workers/li-ming/profile.yml", "  date: 2024-01-01\n", "  date: 2024-01-01\n  withdrawn: 2026-11-20\n")


def test_a_withdrawn_maker_and_taker_follow_the_rules_of_every_reference(root, capsys):
    """李明 withdraws consent: the lines that name him by id go from the outputs (warnings here), and his name
    in a product's description is an error at its line, as in any other published text."""
    withdraw_li_ming(root)
    found = problems(root, capsys)
    named = [p for p in found if p["code"] == "privacy.unpublished-name"]
    assert [(p["file"], p["line"], p["column"]) for p in named] == [(PROD, 7, 14)]
    assert "李明" in named[0]["message"] and "撤回" in named[0]["message"] and "namesakes" in named[0]["hint"]
    drafts = {(p["file"], p["line"]) for p in found if p["code"] == "ref.draft" and "已撤回公开同意" in p["message"]}
    assert drafts == {(PROD, 4), ("content/services/town-mianshi-peixun.yml", 6),
                      ("content/requests/2025-04-01-dongcun-mianshi.yml", 9)}
    edit(root, PROD, "description: 李明带着合作社", "description: 一位老劳模带着合作社")
    model, report = check_tree(root)
    assert report.ok, report.format_text()
    pub = model.public()
    assert not pub.products["qingyu-mianfen"].maker and "li-ming" not in pub.services["town-mianshi-peixun"].workers
    assert not pub.requests["2025-04-01-dongcun-mianshi"].taken_by
