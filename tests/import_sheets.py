"""Registers shaped like a real association's, built with openpyxl: title rows, merged cells, a two-row
header, a combined 工作单位及职务 column, ID and phone columns, duplicates, years written in many ways."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path



_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)   # GB 11643: the check digit
_ID_CHECK = "10X98765432"


def id_number(body17: str) -> str:
    """A resident ID number with a valid check digit (fictional: the scanner must find it)."""
    total = sum(int(d) * w for d, w in zip(body17, _ID_WEIGHTS))
    return body17 + _ID_CHECK[total % 11]


IDS = [id_number("33052219680512" + f"{i:03d}") for i in range(1, 12)]
PHONES = ["13905721234", "139 0572 5678", "13812345678", "15157201111", "18906822222", "13511113333", "13757224444",
          "0572-6012345"]
ODD_COLUMN_IDS = [id_number("33052119700101" + f"{i:03d}") for i in range(1, 12)]

# 序号, 姓名, 性别, 民族, 出生年月, 身份证号码, 工作单位及职务, 荣誉称号, 获得年份, 行业, 联系电话, 证号, 备注
WORKERS = [
    (1, "孙 梅金", "女", "汉族", "1968.05", IDS[0], "湖州某丝绸有限公司缫丝车间主任",
     "全国劳动模范（2020）、浙江省劳动模范（2015）", None, "纺织服装", PHONES[0], ODD_COLUMN_IDS[0], None),
    (2, "王　建国", "男", "汉", dt.datetime(1972, 3, 1), IDS[1], "长兴县人民医院 主任医师",
     "长兴县劳动模范", "二〇一八年", "医疗卫生", PHONES[1], ODD_COLUMN_IDS[1], "2023年退休"),
    (3, "李华", "男", "汉", "1975年", IDS[2], "国网长兴县供电公司变电运维班班长",
     "湖州市劳动模范", "2020.4", "电力", PHONES[2], ODD_COLUMN_IDS[2], "联系人手机 13812345678"),
    (4, "李华", None, None, None, None, "国网长兴县供电公司变电运维班班长",
     "浙江省五一劳动奖章", "2021-05", None, None, ODD_COLUMN_IDS[3], None),
    (5, "陈小红", "女", "汉", 197806, IDS[3], "长兴某茶叶专业合作社 理事长",
     "南太湖工匠", 43950, "现代农业", PHONES[3], ODD_COLUMN_IDS[4], None),
    (6, "孙梅金", "女", "汉", "1968.05", IDS[0], "湖州某丝绸有限公司缫丝车间主任",
     "全国劳动模范（2020）", None, "纺织服装", PHONES[0], ODD_COLUMN_IDS[5], None),
    (7, "赵强", "男", "回", "1980-11", IDS[4], "长兴县某中学教师、教研组长",
     "长兴县五一劳动奖章", "2019年", "教育", PHONES[4], ODD_COLUMN_IDS[6], None),
    (8, "吴明", "男", "汉", 1966, IDS[5], "浙江某建设集团有限公司项目经理",
     "湖州市技术能手（2016）；长兴县劳动模范（2012年）", None, "建筑", PHONES[5], ODD_COLUMN_IDS[7], None),
]
COLLECTIVES = [
    (1, "长兴县某医院急诊科", "长兴县模范集体", 2022, 35),
    (2, "某供电公司电气班组", "湖州市工人先锋号（2021）", None, "12人"),
]
# what the combined 工作单位及职务 cells above mean (the CSV variant has two columns)
SPLIT = {
    "湖州某丝绸有限公司缫丝车间主任": ("湖州某丝绸有限公司", "缫丝车间主任"),
    "长兴县人民医院 主任医师": ("长兴县人民医院", "主任医师"),
    "国网长兴县供电公司变电运维班班长": ("国网长兴县供电公司", "变电运维班班长"),
    "长兴某茶叶专业合作社 理事长": ("长兴某茶叶专业合作社", "理事长"),
    "长兴县某中学教师、教研组长": ("长兴县某中学", "教师、教研组长"),
    "浙江某建设集团有限公司项目经理": ("浙江某建设集团有限公司", "项目经理"),
}
HEADER_TOP = ["序号", "姓名", "性别", "民族", "出生年月", "身份证号码", "工作单位及职务", "荣誉情况", None, "行业", "联系电话", "证号", "备注"]
HEADER_SUB = [None, None, None, None, None, None, None, "荣誉称号", "获得年份", None, None, None, None]


def changxing_xlsx(path: Path, workers=WORKERS, with_collectives: bool = True) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "劳模名录"
    ncol = len(HEADER_TOP)
    ws.append(["长兴县劳动模范名录（2024年）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A1"].font = Font(bold=True, size=16)
    ws.append(["（截至2024年5月，内部资料，请勿外传）"])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for c in range(1, ncol + 1):
        if HEADER_SUB[c - 1] is None:
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    ws.merge_cells(start_row=3, start_column=8, end_row=3, end_column=9)
    for row in workers:
        ws.append(list(row))
    ws.append([f"合计：{len(workers)}人"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=ncol)
    ws.append(["制表人：某某"])
    if with_collectives:
        wc = wb.create_sheet("模范集体")
        wc.append(["长兴县模范集体名录"])
        wc.merge_cells("A1:E1")
        wc.append(["序号", "集体名称", "荣誉称号", "授予时间", "人数"])
        for row in COLLECTIVES:
            wc.append(list(row))
    wb.save(path)
    return path


def changxing_csv(path: Path, encoding: str = "gbk") -> Path:
    """The same register as a flat CSV, as Excel/WPS save it on a Chinese Windows (GBK)."""
    header = ["序号", "姓名", "性别", "出生年月", "身份证号码", "工作单位", "职务", "荣誉称号", "获得年份", "行业", "联系电话", "备注"]
    rows = []
    for r in WORKERS:
        employer, position = SPLIT[r[6]]
        rows.append([r[0], r[1], r[2] or "", r[4] if not isinstance(r[4], dt.datetime) else "1972/3/1", r[5] or "",
                     employer, position, r[7], r[8] if r[8] is not None else "", r[9] or "", r[10] or "", r[12] or ""])
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(["长兴县劳动模范名录（2024年）"])
        w.writerow(header)
        w.writerows(rows)
    return path


# A 南浔 register shaped differently: one sheet for people and collectives (a 类型 column), the honours
# column first, a 基本情况 group over 姓名/性别/出生年月, a 联系方式 group, a subtitle row in two merged
# cells (制表单位 … 制表日期), the 合计 row's count under 姓名, formatted blank rows at the end.
NANXUN_TOP = ["序号", "类型", "获得荣誉", "基本情况", None, None, "身份证号码", "工作单位及职务", "所属行业", "联系方式", None, "备注", "人数"]
NANXUN_SUB = [None, None, None, "姓名", "性别", "出生年月", None, None, None, "联系电话", "家庭住址", None, None]
NANXUN_IDS = [id_number("33050319" + f"{60 + i}0512" + f"{i:03d}") for i in range(6)]
NANXUN_ROWS = [
    ("个人", "全国劳动模范（2020年）\n浙江省劳动模范（2015年）", "沈　国强", "男", dt.datetime(1966, 5, 1), NANXUN_IDS[0],
     "南浔区和孚镇某村股份经济合作社社长", "现代农业", "13905721234", "和孚镇某村8号", None, None),
    ("个人", "湖州市劳动模范（2019年）；南浔区五一劳动奖章（2017年）；", "钱  丽", "女", "1971.05", NANXUN_IDS[1],
     "南浔区双林镇人民政府农技员", "现代农业", "0572-3012345", None, "本人手机13857201234，联系前先打单位", None),
    ("个人", "浙江省五一劳动奖章（二〇二〇年）", " 朱建平 ", "男", "1968年3月", NANXUN_IDS[2],
     "湖州某医院院长", "医疗卫生", None, None, None, None),
    ("个人", "南浔区劳动模范(2016)", "费月娥", "女", dt.datetime(1975, 11, 23), NANXUN_IDS[3],
     "长兴某水泥厂厂长", "制造业", "139-0572-1234", None, None, None),
    ("个人", "湖州市先进工作者（2018年）", "费月娥", "女", dt.datetime(1975, 11, 23), NANXUN_IDS[3],
     "长兴某水泥厂厂长", "制造业", "139-0572-1234", None, None, None),
    ("集体", "全国工人先锋号（2021年）", "南浔区某镇第10村村民委员会", None, None, None, None, None, None, None, None, "25人"),
    ("集体", "南浔区模范集体（2018年）", "南浔区某镇第1村村民委员会", None, None, None, None, None, None, None, None, 12),
]


def nanxun_xlsx(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "南浔区"
    ncol = len(NANXUN_TOP)
    ws.append(["南浔区劳动模范和模范集体名录"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    subtitle = [None] * ncol
    subtitle[0], subtitle[9] = "制表单位：南浔区总工会（劳模协会）", "制表日期：2024年6月30日"
    ws.append(subtitle)
    ws.merge_cells("A2:F2")
    ws.merge_cells("J2:M2")
    ws.append(NANXUN_TOP)
    ws.append(NANXUN_SUB)
    for c, (top, sub) in enumerate(zip(NANXUN_TOP, NANXUN_SUB), 1):
        if top is not None and sub is None:
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    ws.merge_cells("D3:F3")
    ws.merge_cells("J3:K3")
    for seq, row in enumerate(NANXUN_ROWS, 1):
        ws.append([seq, *row])
        if isinstance(row[4], dt.datetime):
            ws.cell(row=ws.max_row, column=6).number_format = "yyyy.mm"
    ws.append(["合计", None, None, len(NANXUN_ROWS)])
    thin = Side(style="thin")
    for _ in range(3):
        ws.append([None] * ncol)
        for c in range(1, ncol + 1):
            ws.cell(row=ws.max_row, column=c).border = Border(top=thin, bottom=thin)
    wb.save(path)
    return path
