"""Realistic distributions for a synthetic corpus: names, employers, honors, stories.

Surname weights follow the usual ranking of Chinese surnames (王 李 张 刘 陈 … first); a small share
of rare, compound and polyphonic surnames and of rare given-name characters (䶮, 𫖮) keeps search,
pinyin and fonts honest.
"""

from __future__ import annotations

import random

COMMON_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                   "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE_SURNAMES = ("单", "区", "仇", "解", "查", "盖", "缪", "翟", "冼", "郇", "眭", "谌", "阚", "隗", "蒯", "笪", "晏", "岑")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木")
GIVEN_CHARS = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅春林晓东丽娟国平"
               "学军玉兰金凤卫东永强文华小红雪琴惠民振华春燕国良晓岚立峰秋萍海涛林根梅芳志刚建平亚萍")
RARE_GIVEN = ("䶮", "𫖮", "堃", "喆", "玥", "昶", "珺", "犇", "淼", "燚")

INDUSTRIES = ("制造业", "电力", "纺织服装", "现代农业", "教育", "医疗卫生", "交通运输", "建筑", "信息技术",
              "公共服务", "商贸服务", "林业", "化工", "文化旅游")
EMPLOYER_KINDS = {
    "制造业": ("机械有限公司", "电梯股份有限公司", "装备制造有限公司"), "电力": ("供电公司", "电力工程有限公司"),
    "纺织服装": ("丝绸有限公司", "童装有限公司", "纺织印染有限公司"), "现代农业": ("农业合作社", "家庭农场", "湖羊养殖场"),
    "教育": ("中学", "职业技术学校", "实验小学"), "医疗卫生": ("人民医院", "中医院", "社区卫生服务中心"),
    "交通运输": ("公交集团有限公司", "港航管理中心", "物流有限公司"), "建筑": ("建设集团有限公司", "建筑工程有限公司"),
    "信息技术": ("数字科技有限公司", "软件有限公司"), "公共服务": ("自来水有限公司", "环境卫生管理处", "街道社区服务中心"),
    "商贸服务": ("商贸有限公司", "超市连锁有限公司"), "林业": ("林场", "竹木制品有限公司"),
    "化工": ("化工有限公司", "新材料股份有限公司"), "文化旅游": ("旅游发展有限公司", "文化馆"),
}
PLACES = {"huzhou": "湖州", "nanxun": "南浔", "changxing": "长兴", "wuxing": "吴兴", "deqing": "德清", "anji": "安吉"}
ASSOCIATION_WEIGHTS = {"huzhou": 10, "nanxun": 18, "changxing": 22, "wuxing": 18, "deqing": 16, "anji": 16}
LEVEL_WEIGHTS = {"county": 40, "municipal": 35, "provincial": 18, "national": 7}
TITLES = {
    "national": ("全国劳动模范", "全国先进工作者", "全国五一劳动奖章"),
    "provincial": ("浙江省劳动模范", "浙江省先进工作者", "浙江省五一劳动奖章", "浙江工匠"),
    "municipal": ("湖州市劳动模范", "湖州市先进工作者", "湖州市五一劳动奖章", "南太湖工匠"),
}
COUNTY_TITLE = {"huzhou": "吴兴区劳动模范", "nanxun": "南浔区劳动模范", "changxing": "长兴县劳动模范",
                "wuxing": "吴兴区劳动模范", "deqing": "德清县劳动模范", "anji": "安吉县劳动模范"}
AWARDED_BY = {"national": "中华全国总工会", "provincial": "浙江省人民政府", "municipal": "湖州市人民政府", "county": "县（区）人民政府"}
SERVICES = ("技能培训", "助企纾困", "助农富农", "心理健康", "技术咨询", "设备维修", "健康义诊", "家电维修", "政策宣讲")
POSITIONS = ("班组长", "技术员", "高级技师", "车间主任", "总工程师", "主任医师", "教师", "驾驶员", "质检员", "农技员", "队长")

STORY_SENTENCES = (
    "{name}参加工作已经{years}年，始终扎根在{employer}的生产一线。",
    "刚进{employer}时，{given}只是一名普通的{position}，凭着一股钻劲，很快成了大家信得过的技术骨干。",
    "面对设备老化、工艺落后的难题，{given}带领班组反复试验，攻克了一个又一个技术难关。",
    "{given}常说：“活儿干得好不好，群众心里有杆秤。”",
    "多年来，{given}先后带出徒弟{apprentices}名，其中不少人已经成长为单位的技术骨干。",
    "在{place}，提起{name}，同事和乡亲们都竖起大拇指。",
    "{given}利用业余时间参加劳模志愿服务队，走进企业、社区和学校，为职工群众解决实际困难。",
    "为了把经验传下去，{given}把多年积累的操作要点整理成册，在班组里推广使用。",
    "获得荣誉之后，{given}没有停下脚步，而是把目光投向了新技术、新工艺。",
    "{given}牵头的技术革新项目每年为单位节约成本数十万元。",
    "在劳模精神进校园活动中，{given}给孩子们讲述了自己的成长故事。",
    "谈到今后的打算，{given}说，要继续发挥劳模示范作用，带动更多年轻人学技术、干实事。",
)


def weighted(rng: random.Random, table: dict):
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def make_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.03:
        surname = rng.choice(COMPOUND_SURNAMES)
    elif r < 0.08:
        surname = rng.choice(RARE_SURNAMES)
    else:
        # Zipf-like: earlier surnames are more common
        i = min(int(rng.paretovariate(1.1)) - 1, len(COMMON_SURNAMES) - 1)
        surname = COMMON_SURNAMES[(i * 7 + rng.randrange(3)) % len(COMMON_SURNAMES)] if i > 10 else COMMON_SURNAMES[i]
    n_given = 1 if rng.random() < 0.25 else 2
    given = "".join(rng.choice(GIVEN_CHARS) for _ in range(n_given))
    if rng.random() < 0.01:
        given = given[:-1] + rng.choice(RARE_GIVEN)
    return surname + given


def make_honors(rng: random.Random, association: str, top_level: str) -> list[dict]:
    levels = ["county", "municipal", "provincial", "national"]
    top = levels.index(top_level)
    chosen = sorted({top} | {rng.randrange(0, top + 1) for _ in range(rng.randrange(0, 3))})
    year = rng.randrange(1995, 2016)
    out = []
    for li in chosen:
        lv = levels[li]
        title = COUNTY_TITLE[association] if lv == "county" else rng.choice(TITLES[lv])
        out.append({"title": title, "level": lv, "year": year, "awarded_by": AWARDED_BY[lv]})
        year = min(year + rng.randrange(2, 7), 2025)
    return out


def make_story(rng: random.Random, **facts) -> str:
    n = rng.choice((4, 6, 8, 10, 14, 20))
    sentences = [rng.choice(STORY_SENTENCES).format(**facts) for _ in range(n)]
    paras, i = [], 0
    while i < len(sentences):
        k = rng.randrange(2, 5)
        paras.append("".join(sentences[i:i + k]))
        i += k
    return "\n\n".join(paras) + "\n"
