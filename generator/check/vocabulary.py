"""Values that should come from site.yml's vocabularies: unknown ones are warnings with a did-you-mean."""

from __future__ import annotations

from ..content.fields import did_you_mean
from ..model.corpus import Model
from ..model.honors import LEVEL_LABELS
from ..problems import Problem, shorten, warning

# Words editors use for a trade, grouped by sector. A hint only: the site's own vocabulary decides,
# and a term of it is suggested when it shares a word with the group of what the editor wrote
# (丝绸 → the textile group → 纺织服装).
SECTORS = (
    ("纺织", "服装", "丝绸", "丝织", "缫丝", "蚕丝", "印染", "织造", "化纤", "家纺", "童装", "羊毛衫", "针织", "制衣", "面料"),
    ("电力", "供电", "电网", "发电", "变电", "输电", "配电", "光伏", "新能源", "能源", "电厂", "储能"),
    ("农业", "种植", "养殖", "水产", "渔业", "畜牧", "茶", "白茶", "蚕桑", "果蔬", "粮食", "农机", "农技", "合作社", "家庭农场"),
    ("教育", "学校", "教师", "幼儿园", "小学", "中学", "职业技术学院", "职校", "高校", "培训"),
    ("医疗", "卫生", "医院", "护理", "护士", "医生", "卫生院", "疾控", "中医", "药房", "康复"),
    ("交通", "运输", "公交", "客运", "物流", "快递", "铁路", "公路", "港口", "航运", "出租车", "地铁", "驾驶"),
    ("建筑", "施工", "建设", "建工", "装修", "装饰", "路桥", "市政工程", "房地产", "监理"),
    ("信息", "软件", "互联网", "通信", "电信", "移动", "联通", "计算机", "网络", "数字", "数据", "电子商务"),
    ("公共服务", "社区", "街道", "环卫", "政务", "消防", "公安", "民政", "养老", "物业", "志愿"),
    ("商贸", "零售", "超市", "商场", "销售", "批发", "餐饮", "酒店", "外卖", "市场"),
    ("林业", "竹", "竹木", "木业", "林场", "园林", "苗木", "绿化", "森林"),
    ("化工", "化学", "涂料", "塑料", "橡胶", "化纤原料", "制药", "医药", "生物医药"),
    ("文化", "旅游", "文旅", "景区", "民宿", "博物馆", "传媒", "出版", "广电", "非遗", "演艺"),
    ("金融", "银行", "保险", "证券", "信用社", "农商行", "基金"),
    ("水利", "水务", "供水", "污水", "河道", "治水", "水库", "自来水"),
    ("制造", "机械", "加工", "汽车", "汽配", "电梯", "焊接", "钢铁", "冶金", "装备", "模具", "数控", "机床",
     "电机", "轴承", "五金", "铸造", "锻造", "家具", "地板", "电池", "工厂", "车间"),
)


def nearest_term(value: str, terms: list[str]) -> str | None:
    """The vocabulary term an editor most likely meant by `value`, or None."""
    guess = did_you_mean(value, terms) or next((t for t in terms if t in value or value in t), None)
    if guess:
        return guess
    words = {w for group in SECTORS if any(w in value or value in w for w in group) for w in group}
    scored = [(max((len(w) for w in words if w in t or t in w), default=0), t) for t in terms]
    best = max(scored, default=(0, None))
    return best[1] if best[0] else None


def check(model: Model) -> list[Problem]:
    site = model.site
    out: list[Problem] = []
    items = [(w.source, w.honors) for w in model.workers.values()] + [(c.source, c.honors) for c in model.collectives.values()]
    for w in model.workers.values():
        if site.industries and w.industry and w.industry not in site.industries:
            loc = w.source.loc("industry")
            guess = nearest_term(w.industry, site.industries)
            hint = f"你是不是想写「industry: {guess}」？" if guess else "可选的行业见 content/site.yml 的 vocabularies.industries；确实需要新行业请先加到那里"
            out.append(warning(loc, f"行业「{shorten(w.industry)}」不在行业词表里", hint, "vocab.industry", w.source.line_text(loc.line)))
    if not site.honor_titles:
        return out
    for source, honors in items:
        for i, h in enumerate(honors):
            loc = source.loc("honors", i, "title")
            if h.title not in site.honor_titles:
                guess = did_you_mean(h.title, site.honor_titles)
                hint = f"你是不是想写「{guess}」？" if guess else "常用称号见 content/site.yml 的 vocabularies.honor_titles；确实是新称号请先加到那里"
                out.append(warning(loc, f"荣誉称号「{shorten(h.title)}」不在称号词表里", hint, "vocab.honor", source.line_text(loc.line)))
            elif site.honor_titles[h.title] != h.level:
                expected = site.honor_titles[h.title]
                lloc = source.loc("honors", i, "level")
                out.append(warning(lloc, f"「{h.title}」在词表里是{LEVEL_LABELS.get(expected, expected)}，这里写的是 {h.level}",
                                   f"改为「level: {expected}」", "vocab.level", source.line_text(lloc.line)))
    return out
