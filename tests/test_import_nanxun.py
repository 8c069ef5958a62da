"""A second register shape (南浔: people and collectives in one sheet, the count of the 合计 row under 姓名,
combined 工作单位及职务 cells of villages, towns and heads of units), and photos with a GPS position."""

from __future__ import annotations

import io
import re

from PIL import Image

from generator.cli import main
from generator.content.loader import load
from tests.import_sheets import NANXUN_IDS, nanxun_xlsx
from tests.phone_media import make_heic
from tests.test_import import fresh_project, honours, run_import, tree_digest, worker_named

GPS_IFD, EXIF_IFD = 0x8825, 0x8769


def test_people_collectives_and_a_total_row_in_one_sheet(tmp_path, capsys):
    root = fresh_project(tmp_path, with_workers=False)
    sheet = nanxun_xlsx(tmp_path / "南浔区劳模名录.xlsx")
    code, out, err = run_import(capsys, sheet, "--root", root)
    assert code == 0, err
    assert "跳过的行（标题、合计、空姓名等）：1" in out and "workers/7/" not in out
    model = load(root).model
    assert sorted(w.name for w in model.workers.values()) == ["朱建平", "沈国强", "费月娥", "钱丽"]   # not a worker「7」
    shen = worker_named(model, "沈国强")
    assert (shen.employer, shen.position, shen.birth_year, shen.association) == \
        ("南浔区和孚镇某村股份经济合作社", "社长", 1966, "nanxun")
    assert honours(shen) == {("全国劳动模范", "national", 2020), ("浙江省劳动模范", "provincial", 2015)}
    qian = worker_named(model, "钱丽")
    assert (qian.employer, qian.position) == ("南浔区双林镇人民政府", "农技员")
    assert honours(qian) == {("湖州市劳动模范", "municipal", 2019), ("南浔区五一劳动奖章", "county", 2017)}
    zhu = worker_named(model, "朱建平")
    assert (zhu.employer, zhu.position) == ("湖州某医院", "院长")
    assert honours(zhu) == {("浙江省五一劳动奖章", "provincial", 2020)}
    fei = worker_named(model, "费月娥")                        # listed twice: one person, two honours
    assert (fei.employer, fei.position) == ("长兴某水泥厂", "厂长")
    assert honours(fei) == {("南浔区劳动模范", "county", 2016), ("湖州市先进工作者", "municipal", 2018)}
    groups = {c.id: c for c in model.collectives.values() if c.import_id}
    assert set(groups) == {"nan-xun-qu-mou-zhen-di-10-cun-cun-min-wei-yuan-hui", "nan-xun-qu-mou-zhen-di-1-cun-cun-min-wei-yuan-hui"}
    assert groups["nan-xun-qu-mou-zhen-di-10-cun-cun-min-wei-yuan-hui"].members == 25
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in root.rglob("*") if p.is_file())
    for secret in NANXUN_IDS + ["13905721234", "13857201234", "0572-3012345", "1390572", "和孚镇某村8号"]:
        assert secret not in text
    before = tree_digest(root)
    run_import(capsys, sheet, "--root", root)
    assert tree_digest(root) == before


def _exif(data: bytes) -> Image.Exif:
    import pillow_heif
    pillow_heif.register_heif_opener()
    return Image.open(io.BytesIO(data)).getexif()


def test_photos_are_copied_without_where_they_were_taken(tmp_path, capsys):
    """The repository may be public: the copy import writes keeps its pixels, size and orientation, not its GPS."""
    root = fresh_project(tmp_path)
    photos = tmp_path / "照片"
    photos.mkdir()
    make_heic(photos / "沈国强.HEIC", size=(1600, 1200))                 # iPhone: GPS, serial, artist, XMP creator
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[GPS_IFD] = {1: "N", 2: (30.0, 52.0, 13.0), 3: "E", 4: (120.0, 5.0, 36.0)}
    exif[0x013B] = "张三 13812345678"
    Image.new("RGB", (1600, 1200), (150, 90, 60)).save(photos / "钱丽.jpg", exif=exif.tobytes(), quality=90)
    Image.new("RGB", (1200, 1600)).save(photos / "IMG_0001.jpg")
    sheet = nanxun_xlsx(tmp_path / "名录.xlsx")
    code, out, _err = run_import(capsys, sheet, "--root", root, "--photos", photos)
    assert code == 0
    assert "照片文件夹里没有对上任何人的照片（1 张）：IMG_0001.jpg" in out
    for typed, copy in (("沈国强.HEIC", "shen-guoqiang/portrait.heic"), ("钱丽.jpg", "qian-li/portrait.jpg")):
        original, written = (photos / typed).read_bytes(), (root / "workers" / copy).read_bytes()
        assert dict(_exif(original).get_ifd(GPS_IFD)) and not dict(_exif(written).get_ifd(GPS_IFD))
        assert len(written) == len(original)
        assert b"13812345678" in original and b"13812345678" not in written and b"SERIAL" not in written
        import pillow_heif
        pillow_heif.register_heif_opener()
        with Image.open(photos / typed) as a, Image.open(root / "workers" / copy) as b:
            assert a.tobytes() == b.tobytes() and a.size == b.size               # lossless: the same picture
    assert _exif((root / "workers/qian-li/portrait.jpg").read_bytes())[0x0112] == 6   # still turned upright
    before = tree_digest(root)
    code, out, _err = run_import(capsys, sheet, "--root", root, "--photos", photos)
    assert tree_digest(root) == before and "没有需要修改的文件" in out
    assert main(["check", "--root", str(root)]) == 0
    assert re.search(r"检查通过", capsys.readouterr().out)
