"""Column headers → the fields we import, the columns we must drop, and the ones we leave out.

Headers are matched after normalising what people type around them: spaces inside (`姓  名`),
line breaks (`出生\n年月`), full-width brackets and notes such as `（必填）` or `*`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# field id → the headers that mean it (normalised form). The order matters where one name contains
# another: the combined 工作单位及职务 before 工作单位, 授予单位 before 单位, 出生年月 before 年月.
FIELDS: dict[str, tuple[str, ...]] = {
    "import_id": ("编号", "劳模编号", "人员编号", "档案号", "档案编号", "登记号", "登记编号", "id", "代码"),
    "seq": ("序号", "顺序号", "排序", "序", "no", "no."),
    "kind": ("类型", "类别", "个人/集体", "个人或集体", "人员类别", "获奖类型", "对象类型"),
    "employer_position": ("工作单位及职务", "单位及职务", "工作单位及职务（职称）", "工作单位和职务", "单位职务",
                          "工作单位及职务职称", "工作单位及岗位", "单位及岗位", "工作单位职务", "单位和职务",
                          "工作单位及职位", "现工作单位及职务"),
    "awarded_by": ("授予单位", "表彰单位", "颁发单位", "授奖单位", "批准单位", "授予机关"),
    "collective": ("集体名称", "先进集体名称", "模范集体名称", "模范集体", "先进集体", "集体", "获奖集体", "集体全称"),
    "name": ("姓名", "名字", "劳模姓名", "人员姓名", "获奖人", "获奖者", "名称", "姓名/名称", "姓名（名称）"),
    "gender": ("性别",),
    "birth": ("出生年月", "出生日期", "出生年份", "出生年", "出生时间", "生日", "出生年月日", "出生"),
    "employer": ("工作单位", "单位", "所在单位", "现工作单位", "工作单位全称", "单位名称", "单位全称", "所在企业",
                 "企业名称", "工作单位（全称）"),
    "position": ("职务", "岗位", "职务/岗位", "岗位/职务", "职务岗位", "岗位职务", "现任职务", "职位", "职务（岗位）",
                 "岗位（职务）", "工种", "职务职称"),
    "honor": ("荣誉称号", "荣誉", "称号", "获得荣誉", "荣誉名称", "所获荣誉", "获奖情况", "奖项", "获得称号",
              "荣誉情况", "获奖名称", "表彰称号", "奖项名称"),
    "year": ("获得年份", "授予时间", "获得时间", "获奖时间", "评选年份", "授予年份", "年份", "获评时间", "表彰时间",
             "获奖年份", "表彰年份", "评选时间", "授予年度", "年度", "时间"),
    "level": ("级别", "荣誉级别", "获奖级别", "层级", "表彰级别", "等级"),
    "association": ("所属区县", "所属协会", "区县", "所属区县/协会", "协会", "地区", "所在区县", "县区", "所属地区",
                    "区县（协会）", "所属区县（协会）", "所属", "区域"),
    "industry": ("行业", "所属行业", "行业类别", "行业分类", "所在行业"),
    "members": ("人数", "职工人数", "成员人数", "集体人数", "成员数"),
    "summary": ("简介", "集体简介", "一句话简介"),
    "story": ("主要事迹", "事迹", "事迹简介", "简要事迹", "先进事迹", "个人简介", "主要业绩"),
    "photo": ("照片", "照片文件", "照片文件名", "照片名", "相片", "肖像"),
    "quote": ("格言", "心语", "座右铭"),
    "note": ("备注", "说明", "注"),
}
FIELD_LABELS = {
    "import_id": "编号", "seq": "序号", "kind": "类型", "employer_position": "工作单位及职务", "awarded_by": "授予单位",
    "collective": "集体名称", "name": "姓名", "gender": "性别", "birth": "出生年月（只保留年份）", "employer": "工作单位",
    "position": "职务/岗位", "honor": "荣誉称号", "year": "获得年份", "level": "级别", "association": "所属协会",
    "industry": "行业", "members": "人数", "summary": "简介", "story": "事迹", "photo": "照片文件名",
    "quote": "格言", "note": "备注（写成资料里的注释，不发布）",
}
# what a mapping file may name as the target of a column, besides the field ids and the headers above
IGNORE_WORDS = ("ignore", "忽略", "不导入", "跳过")

# Personal data: the column is dropped whole and nothing from it is stored, by its header…
PERSONAL_HEADER = re.compile(r"身份证|证件|公民身份|身份号|手机|电话|联系方式|通讯|住址|地址|住所|居住|户籍|户口|邮编|邮政编码|"
                             r"邮箱|e-?mail|微信|qq|银行|账号|卡号|社保|医保|护照|车牌|家庭成员|配偶|紧急联系", re.I)
PERSONAL_KIND = [(re.compile(r"身份证|证件|公民身份|身份号|护照"), "身份证号码"), (re.compile(r"手机|电话|联系方式|通讯|微信|qq", re.I), "电话号码"),
                 (re.compile(r"住址|地址|住所|居住|户籍|户口|邮编|邮政编码"), "住址"), (re.compile(r"银行|账号|卡号|社保|医保"), "账号"),
                 (re.compile(r"邮箱|e-?mail", re.I), "电子邮箱"), (re.compile(r"车牌|家庭成员|配偶|紧急联系"), "个人信息")]
# …and columns we know but do not keep: the content model has no place for them (and some are sensitive)
NOT_IMPORTED = ("民族", "政治面貌", "党派", "学历", "文化程度", "学位", "籍贯", "出生地", "年龄", "职称", "技术职称",
                "入党时间", "参加工作时间", "工作时间", "健康状况", "婚姻状况", "宗教信仰", "专业技术职务", "工龄",
                "网页", "网址", "链接", "拼音", "最高荣誉", "荣誉级别（最高）")


def norm_header(text) -> str:
    """"姓　名 *" → "姓名"; "出生\\n年月" → "出生年月"; "工作单位(全称)" → "工作单位（全称）"."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))          # full-width letters/digits/brackets → half-width
    s = s.replace("(", "（").replace(")", "）")
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^[*＊※]+|[*＊※:：]+$", "", s)
    s = re.sub(r"（(必填|选填|可选|必选|请填写|填写)[^）]*）$", "", s)
    return s.lower()


_BY_NAME = {h: f for f, names in FIELDS.items() for h in map(norm_header, names)}


@dataclass
class ColumnMeaning:
    field: str = ""         # a field id above, or ""
    personal: str = ""      # what personal data the header says the column holds ("身份证号码"…)
    known_unused: bool = False


def meaning_of(header: str, extra: dict[str, str] | None = None) -> ColumnMeaning:
    """What a header means. `extra`: the mapping file's columns (normalised header → field id or "ignore")."""
    h = norm_header(header)
    if not h:
        return ColumnMeaning()
    if extra and h in extra:
        target = extra[h]
        return ColumnMeaning(known_unused=True) if target == "ignore" else ColumnMeaning(field=target)
    if PERSONAL_HEADER.search(h) and not h.startswith(("授予单位", "表彰单位")):
        return ColumnMeaning(personal=next(label for rx, label in PERSONAL_KIND if rx.search(h)))
    if h in _BY_NAME:
        return ColumnMeaning(field=_BY_NAME[h])
    bare = re.sub(r"（[^）]*）", "", h)                   # "荣誉称号（全称）" → "荣誉称号"
    if bare in _BY_NAME:
        return ColumnMeaning(field=_BY_NAME[bare])
    if bare in map(norm_header, NOT_IMPORTED):
        return ColumnMeaning(known_unused=True)
    guess = _guess(bare)
    return ColumnMeaning(field=guess) if guess else ColumnMeaning()


def _guess(h: str) -> str:
    """Headers people vary ("2024年荣誉称号", "获得荣誉时间"): by the words in them, most specific first."""
    rules = (
        (r"单位.*(职务|岗位|职位)|(职务|岗位).*单位", "employer_position"),
        (r"出生|生日", "birth"),
        (r"授予单位|表彰单位|颁发单位", "awarded_by"),
        (r"集体名称|集体$", "collective"),
        (r"级别|层级", "level"),
        (r"(年份|时间|年度|日期)$", "year"),
        (r"荣誉|称号|奖项|获奖", "honor"),
        (r"姓名", "name"),
        (r"单位|企业", "employer"),
        (r"职务|岗位", "position"),
        (r"行业", "industry"),
        (r"区县|协会", "association"),
        (r"事迹", "story"),
        (r"备注", "note"),
    )
    for pattern, field in rules:
        if re.search(pattern, h):
            return field
    return ""


def header_score(cells, extra: dict[str, str] | None = None) -> int:
    """How header-like a row is: the number of distinct fields its cells name (personal columns count too)."""
    seen = set()
    for c in cells:
        if c is None or not isinstance(c, str):
            continue
        if len(c.strip()) > 30:
            return 0 if len(seen) < 2 else len(seen)
        m = meaning_of(c, extra)
        if m.field:
            seen.add(m.field)
        elif m.personal:
            seen.add("personal:" + m.personal)
        elif m.known_unused:
            seen.add("known:" + norm_header(c))
    return len(seen)
