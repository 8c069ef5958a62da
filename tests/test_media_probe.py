"""Probing single files: what `fengcai check` reports for photos, captions and print sizes."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from generator.media.probe import (MediaError, check_print_resolution, check_vtt, print_pixels_needed,
                                   probe_image)

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def assert_chinese_error(err: MediaError, name: str) -> None:
    assert name in err.message, err.message
    assert CHINESE.search(err.message) and CHINESE.search(err.hint)
    assert "Traceback" not in str(err)


def jpeg_with_orientation(path, orientation: int, size=(400, 300)):
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.new("RGB", size, (120, 80, 40)).save(path, "JPEG", exif=exif)
    return path


# ---- images -----------------------------------------------------------------------------------


def test_reports_size_after_exif_orientation(tmp_path):
    info = probe_image(jpeg_with_orientation(tmp_path / "a.jpg", 6))
    assert (info.width, info.height, info.format, info.mode) == (300, 400, "JPEG", "RGB")


def test_accepts_png_named_jpg(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.new("RGBA", (20, 10)).save(path, "PNG")
    info = probe_image(path)
    assert (info.format, info.mode, info.width) == ("PNG", "RGBA", 20)


def test_truncated_jpeg(tmp_path):
    full = tmp_path / "full.jpg"
    Image.effect_noise((600, 400), 40).convert("RGB").save(full, "JPEG")
    path = tmp_path / "截断.jpg"
    path.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "截断.jpg")
    assert "不完整" in exc.value.message


def test_corrupt_bytes(tmp_path):
    path = tmp_path / "broken.png"
    good = tmp_path / "good.png"
    Image.effect_noise((200, 200), 40).save(good, "PNG")
    data = bytearray(good.read_bytes())
    data[200:400] = b"\x00" * 200   # damage the compressed pixel data; the header stays valid
    path.write_bytes(bytes(data))
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "broken.png")


def test_pdf_named_jpg(tmp_path):
    path = tmp_path / "证书.jpg"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "证书.jpg")
    assert "PDF" in exc.value.message


def test_text_named_png(tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("这不是图片", encoding="utf-8")
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "notes.png")
    assert "纯文本" in exc.value.message


def test_damaged_heic(tmp_path):
    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "IMG_0001.jpg")
    assert "HEIC" in exc.value.message and "重新导出" in exc.value.hint


def test_decompression_bomb(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(path, "PNG")   # 400 MP, a few kilobytes on disk
    assert path.stat().st_size < 200_000
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "bomb.png")
    assert "400 百万像素" in exc.value.message


def test_over_our_limit_but_under_pillows(tmp_path):
    path = tmp_path / "big.png"
    Image.new("1", (8000, 6000)).save(path, "PNG")   # 48 MP: Pillow allows it, we do not
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert "8000×6000" in exc.value.message
    assert probe_image(path, max_pixels=50_000_000).width == 8000


def test_svg(tmp_path):
    path = tmp_path / "logo.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert_chinese_error(exc.value, "logo.svg")
    assert "SVG" in exc.value.message


def test_svg_disguised_as_png(tmp_path):
    path = tmp_path / "logo.png"
    path.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    with pytest.raises(MediaError) as exc:
        probe_image(path)
    assert "SVG" in exc.value.message


def test_missing_and_empty(tmp_path):
    with pytest.raises(MediaError) as exc:
        probe_image(tmp_path / "nope.jpg")
    assert_chinese_error(exc.value, "nope.jpg")
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(MediaError) as exc:
        probe_image(tmp_path / "empty.jpg")
    assert_chinese_error(exc.value, "empty.jpg")
    assert "0 字节" in exc.value.message


def test_error_survives_pickling(tmp_path):
    import pickle
    err = MediaError(tmp_path / "a.jpg", "图片 a.jpg 已损坏", "请重新导出")
    back = pickle.loads(pickle.dumps(err))
    assert (back.message, back.hint, back.path) == (err.message, err.hint, err.path)


# ---- print sizes ------------------------------------------------------------------------------


def test_print_pixels_needed():
    assert print_pixels_needed(25.4, 25.4) == (300, 300)
    assert print_pixels_needed(210, 297) == (2481, 3508)
    assert print_pixels_needed(90, 120, dpi=150) == (532, 709)


def test_print_check_names_the_pixels_needed():
    check = check_print_resolution("张三.jpg", 800, 1000, 90, 120)
    assert not check.ok and round(check.dpi) == 212
    assert check.needed == (1063, 1418)
    assert check.message == ("照片 张三.jpg 只有 800×1000 像素，按 90×120 毫米印刷约 212 dpi，低于 300 dpi，"
                             "印出来会发虚；需要至少 1063×1418 像素的原图（或把印刷尺寸缩小到约 64×85 毫米）")


def test_print_check_passes_sharp_photo():
    check = check_print_resolution("a.jpg", 4000, 3000, 90, 120)   # cropped to 3:4 it still has 3000 px tall
    assert check.ok and check.message == ""


# ---- captions ---------------------------------------------------------------------------------


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_valid_vtt(tmp_path):
    path = write(tmp_path, "ok.vtt", "\ufeffWEBVTT - 访谈\n\nNOTE 校对：李四\n\n1\n00:00.000 --> 00:02.500\n大家好\n\n"
                                    "00:00:02.500 --> 00:00:05.000 align:center\n我是孙梅金\n")
    assert check_vtt(path) == []


def test_srt_pasted_as_vtt(tmp_path):
    path = write(tmp_path, "talk.vtt", "1\n00:00:01,000 --> 00:00:02,000\n你好\n")
    problems = check_vtt(path)
    assert problems[0][0] == 1 and "WEBVTT" in problems[0][1] and "SRT" in problems[0][2]
    assert problems[1] == (2, "字幕 talk.vtt 第 2 行的时间格式不对：00:00:01,000 --> 00:00:02,000",
                           "毫秒前要用句点而不是逗号：把 00:00:01,000 改成 00:00:01.000")


def test_vtt_end_before_start_and_order(tmp_path):
    path = write(tmp_path, "c.vtt", "WEBVTT\n\n00:05.000 --> 00:04.000\n甲\n\n00:01.000 --> 00:02.000\n乙\n")
    problems = check_vtt(path)
    assert [(line, "结束时间" in msg or "早于上一条" in msg) for line, msg, _ in problems] == [(3, True), (6, True)]


def test_vtt_bad_minutes(tmp_path):
    path = write(tmp_path, "c.vtt", "WEBVTT\n\n00:75.000 --> 00:80.000\n甲\n")
    assert [p[0] for p in check_vtt(path)] == [3]


def test_vtt_not_utf8(tmp_path):
    path = write(tmp_path, "gbk.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n劳动最光荣\n", encoding="gbk")
    (line, message, hint), = check_vtt(path)
    assert line == 4 and "UTF-8" in message and "gbk.vtt" in message
