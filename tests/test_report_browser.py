"""`fundparse report` in a real browser: headless Chromium renders the page of a realistic
release to PNG; the pixels show highlights, the chart and (second render) every tooltip.

Needs Debian's ``chromium-headless-shell`` (or ``chromium``) and ``fonts-nanum``.  CI's
``.ci/run`` installs them; run as root without them, the session fixture installs them with
apt-get; otherwise the test fails saying what to install.  The screenshots and the page are
kept in ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from fundparse.cli.review import main

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
WIDTH, HEIGHT = 1280, 2000
BROWSERS = ("chromium-headless-shell", "chromium")
FONT_PACKAGE = "fonts-nanum"

RELEASE = """\
충청북도 음성군 보도자료
보도일시: 2024. 2. 27.(화) 10:00
담당부서: 투자유치과 신산업팀 (043-871-0000)

음성군, 이차전지 소재 실증센터 구축 본격 착수
- 맹동면 혁신도시 산업용지에 2027년까지 조성 -

□ 음성군은 2024년부터 2027년까지 4년간 총사업비 281억 원(국비 121, 지방비 150)을 투입해 \
맹동면 충북혁신도시 산업용지에 이차전지 소재 실증센터를 구축한다고 27일 밝혔다.
 ○ 지방비 30억4,000만원(도비 9억1,200만원·시비 21억2,800만원)은 올해 제1회 추경에 우선 반영된다.
 ○ 센터는 연면적 3,600㎡ 규모로, 양극재·음극재 분석과 시험 생산에 필요한 장비 42종을 갖춘다.

□ 공동 연구장비 구축비 100억 원(국비 50%, 도비 15%, 시비 35%)은 2025~2027년 나눠 집행한다.
 ○ 기업 입주 공간에는 민간 투자 약 45억 원이 더해진다.

□ 군 관계자는 "실증센터를 발판 삼아 음성을 중부권 이차전지 소재 산업의 중심으로 키우겠다"고 말했다.

붙임: 실증센터 위치도 및 배치도 각 1부.
"""

# Colours the page's CSS paints (page.css): a group-0 highlight, the chart's national bar,
# the finding red and the tooltip background.
HIGHLIGHT = (0xFF, 0xE1, 0x7D)
NATIONAL_BAR = (0x35, 0x66, 0xA8)
FINDING_RED = (0xD0, 0x19, 0x2B)
TOOLTIP = (0x1E, 0x26, 0x33)


# --------------------------------------------------------------------------------------
# The browser and the fonts


def _browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _nanum() -> bool:
    for folder in ("/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts")):
        if os.path.isdir(folder) and any(Path(folder).rglob("Nanum*.ttf")):
            return True
    return False


def _apt_install(packages: list[str], say) -> bool:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    say(f"test_report_browser: running as root, installing {' '.join(packages)} with apt-get")
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False,
                   stdout=subprocess.DEVNULL)
    done = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env, check=False,
                          stdout=subprocess.DEVNULL)
    say(f"test_report_browser: apt-get install {' '.join(packages)} -> exit {done.returncode}")
    return done.returncode == 0


@pytest.fixture(scope="session")
def chromium(request) -> str:
    """Path of a headless Chromium with Korean fonts present; installs them when root."""
    capture = request.config.pluginmanager.getplugin("capturemanager")

    def say(line: str) -> None:  # shown even while pytest captures output
        if capture is None:
            print(line, flush=True)
            return
        with capture.global_and_fixture_disabled():
            print(line, flush=True)

    browser, fonts = _browser(), _nanum()
    if (browser is None or not fonts) and hasattr(os, "geteuid") and os.geteuid() == 0 \
            and shutil.which("apt-get"):
        wanted = ([] if browser else [BROWSERS[0]]) + ([] if fonts else [FONT_PACKAGE])
        if not _apt_install(wanted, say) and browser is None:
            # older Debian/Ubuntu without the headless shell package: the full browser
            _apt_install([BROWSERS[1]] + ([] if fonts else [FONT_PACKAGE]), say)
        browser, fonts = _browser(), _nanum()
    missing = ([] if browser else ["chromium-headless-shell (or chromium)"]) \
        + ([] if fonts else [FONT_PACKAGE])
    if missing:
        pytest.fail("the report browser test needs " + " and ".join(missing)
                    + ": install with `apt-get install chromium-headless-shell fonts-nanum` "
                      "(or `chromium fonts-nanum`), as root", pytrace=False)
    return browser


def screenshot(browser: str, url: str, png: Path, profile: Path) -> bytes:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
           f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", url]
    if png.exists():
        png.unlink()
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0 and png.is_file(), (
        f"{' '.join(cmd)} -> exit {run.returncode}\n{run.stderr[-3000:]}")
    return png.read_bytes()


# --------------------------------------------------------------------------------------
# PNG decoding with zlib and struct


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, RGB rows) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        assert zlib.crc32(kind + chunk) == struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    assert header is not None, "no IHDR"
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, f"unexpected PNG kind {header}"
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    assert len(raw) == height * (stride + 1)
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        base = y * (stride + 1)
        kind = raw[base]
        line = bytearray(raw[base + 1:base + 1 + stride])
        if kind == 1:                                   # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:                                 # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:                                 # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:                                 # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        else:
            assert kind == 0, f"bad filter {kind}"
        rows.append(bytes(line) if bpp == 3 else
                    b"".join(bytes(line[i:i + 3]) for i in range(0, stride, 4)))
        prev = line
    return width, height, rows


def colours(rows: list[bytes]) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        counts.update(row[i:i + 3] for i in range(0, len(row), 3))
    return counts


# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("report")
    source = where / "음성군-실증센터.txt"
    source.write_text(RELEASE, encoding="utf-8")
    assert main([str(source), "-o", str(where / "out")]) == 0
    page = where / "out" / "음성군-실증센터.html"
    text = page.read_text(encoding="utf-8")
    # the release really carries what the page is for
    assert 'class="hl s ' in text and 'class="hl p ' in text and 'class="fd error"' in text
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(page, ARTIFACTS / "report.html")
    return page


def test_page_renders_in_headless_chromium(chromium, report, tmp_path):
    data = screenshot(chromium, report.as_uri(), tmp_path / "page.png", tmp_path / "profile")
    shutil.copy(tmp_path / "page.png", ARTIFACTS / "report.png")
    width, height, rows = decode_png(data)
    assert (width, height) == (WIDTH, HEIGHT)
    counts = colours(rows)
    total = width * height
    white = counts[b"\xff\xff\xff"]
    background = counts.most_common(1)[0][1]
    assert len(counts) > 300, f"only {len(counts)} colours: blank or text not drawn"
    assert total - white > total // 10, "almost all white"
    assert background < total * 0.9
    # the things the page is for are on screen
    assert counts[bytes(HIGHLIGHT)] > 300, "no group-0 highlight painted"
    assert counts[bytes(NATIONAL_BAR)] > 1000, "no national bar in the chart"
    assert counts[bytes(FINDING_RED)] > 100, "no finding marked in red"
    assert counts[bytes(TOOLTIP)] < 50, "tooltips must stay hidden until hovered"
    fonts = subprocess.run(["fc-match", "-f", "%{family}", "Nanum Gothic:lang=ko"],
                           capture_output=True, text=True, check=False) \
        if shutil.which("fc-match") else None
    if fonts is not None:
        assert "Nanum" in fonts.stdout, f"fontconfig resolves Nanum Gothic to {fonts.stdout!r}"


def test_every_tooltip_forced_visible_is_kept_as_an_artifact(chromium, report, tmp_path):
    png = tmp_path / "all.png"
    data = screenshot(chromium, report.as_uri() + "#all", png, tmp_path / "profile")
    kept = ARTIFACTS / "report-all-tooltips.png"
    shutil.copy(png, kept)
    assert kept.stat().st_size == len(data)
    width, height, rows = decode_png(data)
    assert (width, height) == (WIDTH, HEIGHT)
    counts = colours(rows)
    assert len(counts) > 300
    # dark tooltip boxes: one per highlight, each a few thousand pixels
    assert counts[bytes(TOOLTIP)] > 20_000, f"tooltips not shown ({counts[bytes(TOOLTIP)]} px)"
    assert counts[bytes(HIGHLIGHT)] > 300
