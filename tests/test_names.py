"""Pinyin of names: surname-aware, compound surnames, overrides, rare characters, slugs."""

import pytest

from generator.model.names import derive_pinyin, slugify_name, split_name


@pytest.mark.parametrize("name, syllables, display", [
    ("孙梅金", ("sun", "mei", "jin"), "Sūn Méijīn"),
    ("单雄信", ("shan", "xiong", "xin"), "Shàn Xióngxìn"),     # 单 as a surname is Shàn, not dān
    ("曾小明", ("zeng", "xiao", "ming"), "Zēng Xiǎomíng"),     # 曾 as a surname is Zēng, not céng
    ("欧阳䶮", ("ou", "yang", "yan"), "Ōuyáng Yǎn"),          # compound surname + CJK Ext-A
    ("刘𫖮", ("liu", "yi"), "Liú Yǐ"),                         # CJK Ext-E
    ("尉迟恭", ("yu", "chi", "gong"), "Yùchí Gōng"),
])
def test_derived_pinyin(name, syllables, display):
    shown, syl, ok = derive_pinyin(name)
    assert ok and syl == syllables and shown == display


def test_override_is_split_per_character():
    shown, syl, ok = derive_pinyin("解缙", "Xiè Jìn")
    assert ok and syl == ("xie", "jin") and shown == "Xiè Jìn"
    _, syl, ok = derive_pinyin("单田芳", "Shàn Tiánfāng")
    assert ok and syl == ("shan", "tian", "fang")


def test_override_that_does_not_fit_is_reported():
    _, syl, ok = derive_pinyin("孙梅金", "Zhang San")
    assert not ok and syl == ("sun", "mei", "jin")


def test_split_and_slug():
    assert split_name("欧阳红梅") == ("欧阳", "红梅")
    assert split_name("孙梅金") == ("孙", "梅金")
    assert slugify_name("孙梅金") == "sun-meijin"
    assert slugify_name("欧阳红梅") == "ouyang-hongmei"
    assert slugify_name("单建国") == "shan-jianguo"
