"""Issue 14's check, in Debian's Chromium: a HEIC portrait and a rotated HEVC phone video build into
a site whose image shows and whose H.264 video plays, upright."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import StaticServer, build_site
from tests.minimal_project import profile_path, replace_in, write_project
from tests.phone_media import make_heic, make_phone_video

VIDEO_ITEM = """videos:
  - file: IMG_0007.MOV
    title: 王小明谈检修
consent:"""

PLAY = """async () => {
  const v = document.querySelector('video');
  v.scrollIntoView();
  v.muted = true;
  await v.play();
  const frame = await new Promise(resolve => v.requestVideoFrameCallback((now, meta) => resolve(meta)));
  await new Promise(resolve => { const t = () => v.currentTime > 0.5 ? resolve() : setTimeout(t, 50); t(); });
  const src = v.currentSrc;
  const c = document.createElement('canvas');
  c.width = v.videoWidth; c.height = v.videoHeight;
  const g = c.getContext('2d');
  g.drawImage(v, 0, 0);
  const px = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
  return {src, readyState: v.readyState, topRight: px(c.width - 5, 5), topLeft: px(5, 5), duration: v.duration, currentTime: v.currentTime,
          width: v.videoWidth, height: v.videoHeight, frameWidth: frame.width, frameHeight: frame.height,
          h264: v.canPlayType('video/mp4; codecs="avc1.640028, mp4a.40.2"')};
}"""


CORNERS = """img => {
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const px = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
  return {topLeft: px(5, 5), topRight: px(c.width - 5, 5)};
}"""


def is_red(rgb) -> bool:
    r, g, b = rgb[:3]
    return r > 150 and g < 100 and b < 100


def test_heic_portrait_and_hevc_phone_video_play_in_chromium(tmp_path, browser, test_output):
    root = write_project(tmp_path / "proj")
    folder = root / "workers" / "wang-xiaoming"
    (folder / "portrait.jpg").unlink()
    make_heic(folder / "IMG_4032.HEIC", size=(1600, 1200), orientation=6)   # stored landscape, shown upright
    make_phone_video(folder / "IMG_0007.MOV", size=(640, 360), rotation=-90, seconds=2)   # iPhone held upright
    replace_in(profile_path(root), "portrait: portrait.jpg", "portrait: IMG_4032.HEIC")
    replace_in(profile_path(root), "consent:", VIDEO_ITEM)
    site = tmp_path / "out" / "site"
    model = build_site(root, site)
    worker = model.workers["wang-xiaoming"]
    with StaticServer(site.parent) as server:
        context = browser.new_context(viewport={"width": 412, "height": 915}, locale="zh-CN")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and errors.append(f"HTTP {r.status} {r.url}"))
        page.goto(f"{server.url}site/{worker.url}")
        portrait = page.locator("img.fc-portrait, .fc-profile img").first
        portrait.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=portrait.element_handle(), timeout=10000)
        natural = portrait.evaluate("img => [img.naturalWidth, img.naturalHeight, img.currentSrc]")
        corners = portrait.evaluate(CORNERS)
        video = page.evaluate(PLAY)
        page.screenshot(path=str(test_output / "site" / "phone-media-worker.png"), full_page=True)
        context.close()
    assert not errors, errors
    assert natural[1] > natural[0], natural                                   # portrait, upright
    # the red block, top-left as stored, is top-right once turned clockwise as EXIF orientation 6 asks
    assert is_red(corners["topRight"]) and not is_red(corners["topLeft"]), corners
    assert video["h264"] == "probably", "Debian's chromium does not play H.264"
    assert video["src"].endswith(".mp4") and video["readyState"] >= 2
    assert video["duration"] == pytest.approx(2.0, abs=0.2) and video["currentTime"] > 0.5
    assert (video["width"], video["height"]) == (360, 640)                    # turned as the phone asked
    assert (video["frameWidth"], video["frameHeight"]) == (360, 640)
    # display rotation -90 (FFmpeg's sign: turn clockwise, as an upright iPhone records): the block stored
    # top-left is what the reader sees top-right
    assert is_red(video["topRight"]) and not is_red(video["topLeft"]), video
