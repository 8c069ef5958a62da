"""`fengcai serve` keeps a worker's page in step with the products and 点单 records that name the worker:
the preview reuses a worker page only while nothing it shows has changed."""

from __future__ import annotations

from minimal_project import write_project
from site_content import write
from test_serve import CHANGE_TIMEOUT, START_TIMEOUT, WORKER, Serve, free_port, wait_for

PRODUCT = """\
name: 带电检修小车
association: city
maker:
  worker: wang-xiaoming
category: 机电装备
description: 王小明改装的检修小车。
"""


def test_editing_a_product_updates_the_makers_page(tmp_path):
    root = write_project(tmp_path / "project")
    write(root / "content/products/jianxiu-xiaoche.yml", PRODUCT)
    server = Serve(root, free_port())
    try:
        wait_for(server.url + WORKER, lambda b: "带电检修小车" in b, START_TIMEOUT)
        path = root / "content/products/jianxiu-xiaoche.yml"
        path.write_text(PRODUCT.replace("带电检修小车", "绝缘检修小车"), encoding="utf-8")
        body = wait_for(server.url + WORKER, lambda b: "绝缘检修小车" in b, CHANGE_TIMEOUT)
        assert "带电检修小车" not in body
        wait_for(server.url + "products/jianxiu-xiaoche/", lambda b: "绝缘检修小车" in b, CHANGE_TIMEOUT)
    finally:
        server.stop()
