"""Products, services and 点单 requests the sample never had, written onto a fresh project (site_content.minimal_tree).

    makers of all three kinds: 李明 (worker), 车工创新工作室 (studio), 检修一班 (collective)
    a product made by 赵草稿, a worker who is a draft (not published)
    services of two associations, requests in every status, one taken on by 赵草稿
    BAD_REQUEST: a request whose requester is a person with a mobile number (refused by check)
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from site_content import minimal_tree, write

CITY_VENUES = """\
venues:
  - id: city-hall
    name: 测试市劳模产品陈列馆
    address: 测试市人民路1号 职工之家一楼
    hours: 工作日 9:00–17:00
contact:
  phone: 0572-2123456
"""

PRODUCTS = {
    "qingyu-mianfen": """\
        name: 青玉石磨面粉
        association: town
        maker:
          worker: li-ming
        category: 农产品
        year: 2022
        description: 李明带着合作社用老石磨磨出的全麦面粉。
        photos:
          - file: qingyu-mianfen.jpg
            caption: 一袋青玉石磨面粉
        awards:
          - title: 小镇优质农产品
            kind: 奖项
            year: 2023
        available_at:
          - city-hall
        """,
    "xuanzhuan-daojia": """\
        name: 旋转快换刀架
        association: city
        maker:
          studio: lathe
        category: 机电装备
        year: 2021
        description: 车工创新工作室改进的刀架，换刀只要十秒。
        photos:
          - file: xuanzhuan-daojia.jpg
            caption: 装在车床上的旋转快换刀架
        awards:
          - title: 一种车床用快换刀架
            kind: 实用新型专利
            year: 2021
        """,
    "jueyuan-tixiang": """\
        name: 绝缘工具收纳箱
        association: city
        maker:
          collective: jianxiu-yiban
        category: 机电装备
        description: 检修一班自己设计的工具箱，绝缘工具分格存放、防潮。
        """,
    "caogao-chaye": """\
        name: 草稿家的秘制茶
        association: town
        maker:
          worker: zhao-caogao
        category: 茶叶
        description: 一款还没有公开的制作者做的茶。
        """,
}

SERVICES = {
    "city-anquan-yongdian": """\
        name: 安全用电进社区
        association: city
        description: 电力劳模到社区检查老旧线路。
        offered_by:
          workers:
            - sun-meijin
            - zhao-caogao
          studios:
            - lathe
        order_note: 社区居委会打电话预约。
        """,
    "town-mianshi-peixun": """\
        name: 面点技能培训
        association: town
        description: 教村民做面点，增加收入。
        offered_by:
          workers:
            - li-ming
        order_url: https://town.example.org/diandan
        """,
}

REQUESTS = {
    "2025-03-02-hexi-shequ-xianlu": """\
        title: 老旧小区线路检查
        service: city-anquan-yongdian
        requester: 测试市河西街道河西社区居民委员会
        requester_type: community
        requested: 2025-03-02
        status: done
        claimed: 2025-03-03
        taken_by:
          studio: lathe
        completed: 2025-03-20
        outcome: 检查了 12 栋楼的公共线路，更换老化开关 30 个。
        """,
    "2025-04-01-dongcun-mianshi": """\
        title: 村妇女面点培训
        service: town-mianshi-peixun
        requester: 小镇东村村民委员会
        requester_type: village
        requested: 2025-04-01
        status: done
        claimed: 2025-04-02
        taken_by:
          worker: li-ming
        completed: 2025-04-15
        outcome: 30 名村民学会三种面点。
        """,
    "2026-06-10-shiyan-xiaoxue-yongdian": """\
        title: 学校安全用电课
        service: city-anquan-yongdian
        requester: 测试市实验小学
        requester_type: school
        requested: 2026-06-10
        status: claimed
        claimed: 2026-06-12
        taken_by:
          worker: sun-meijin
        """,
    "2026-07-01-jingmi-gongsi-peixun": """\
        title: 新员工面点培训
        service: town-mianshi-peixun
        requester: 小镇精美食品有限公司
        requester_type: company
        requested: 2026-07-01
        status: open
        """,
    "2026-05-05-jinglaoyuan-xianlu": """\
        title: 敬老院线路检查
        service: city-anquan-yongdian
        requester: 测试市第一敬老院
        requester_type: organisation
        requested: 2026-05-05
        status: done
        claimed: 2026-05-06
        taken_by:
          worker: zhao-caogao
        completed: 2026-05-20
        outcome: 检查线路一次。
        """,
}

# A person who phoned in, with their mobile number: must be refused with a file:line error.
BAD_REQUEST = ("2026-08-08-wang-dama", """\
    title: 家里电灯不亮
    service: city-anquan-yongdian
    requester: 王大妈 13812345678
    requester_type: community
    requested: 2026-08-08
    status: open
    """)


def offerings_tree(root: Path) -> Path:
    """minimal_tree + a collective, a venue, products, services and requests (no error, one draft maker)."""
    minimal_tree(root)
    city = root / "content/associations/city.yml"
    city.write_text(city.read_text(encoding="utf-8") + CITY_VENUES, encoding="utf-8")
    site = root / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "  industries: [制造业, 电力]\n", "  industries: [制造业, 电力]\n  product_categories: [农产品, 机电装备, 茶叶]\n"),
        encoding="utf-8")
    write(root / "content/collectives/jianxiu-yiban.yml", "name: 检修一班\nassociation: city\nmembers: 12\n")
    for pid, text in PRODUCTS.items():
        write(root / f"content/products/{pid}.yml", text)
    for pid, colour in (("qingyu-mianfen", (220, 200, 150)), ("xuanzhuan-daojia", (90, 110, 140))):
        Image.new("RGB", (800, 600), colour).save(root / f"content/products/{pid}.jpg", quality=85)
    for sid, text in SERVICES.items():
        write(root / f"content/services/{sid}.yml", text)
    for rid, text in REQUESTS.items():
        write(root / f"content/requests/{rid}.yml", text)
    return root
