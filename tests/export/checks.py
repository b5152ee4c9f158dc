"""Checking published files with real tools: EPUBCheck, the zbar QR decoder, poppler."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
XHTML = "{http://www.w3.org/1999/xhtml}"


def epubcheck(path: Path) -> subprocess.CompletedProcess[str]:
    """EPUBCheck on `path`. Debian installs it as an executable jar, which needs binfmt
    support to run by name; `java -jar` always works. The JVM flags halve its start-up time
    (quick compiler only, one GC thread) on a two-core machine."""
    return subprocess.run(
        [
            "java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(EPUBCHECK_JAR),
            str(path),
        ],
        capture_output=True,
        text=True,
    )


def chapter_text(epub: Path) -> str:
    """The text of the chapters in spine order, without the titles the book added."""
    with zipfile.ZipFile(epub) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("OEBPS/chapter-"))
        texts = []
        for name in names:
            root = ET.fromstring(archive.read(name))
            body = root.find(f"{XHTML}body")
            assert body is not None
            for element in body.iter():
                if element.get("class") == "added":
                    element.clear()
            texts.append(" ".join(body.itertext()))
    return " ".join(texts)


def all_text(epub: Path) -> str:
    with zipfile.ZipFile(epub) as archive:
        return "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.endswith((".xhtml", ".opf"))
        )


def rasterise(pdf: Path, folder: Path, resolution: int = 150) -> list[Path]:
    """Every page of `pdf` as a grey PNG at `resolution` dpi, in page order."""
    stem = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-r", str(resolution), str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def decode_qr(image: Path) -> list[str]:
    """Every QR code zbar finds in `image`, as text."""
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
    )
    assert found.returncode in (0, 4), found.stderr  # 4: no code found
    return [line for line in found.stdout.splitlines() if line]
