"""Checking published files with real tools: EPUBCheck, the zbar QR decoder, poppler."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
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


EPUB_NS = "{http://www.idpf.org/2007/ops}"


@dataclass
class BookParts:
    """What a reader meets in an EPUB's chapters."""

    paragraphs: list[str] = field(default_factory=list)
    """The text of every body `<p>` (not in a footnote or figure), note references left out."""
    noterefs: list[tuple[str, str]] = field(default_factory=list)
    """(label, href) of every `epub:type="noteref"` link."""
    footnotes: dict[str, str] = field(default_factory=dict)
    """The text of every `<aside epub:type="footnote">` by `file#id`."""
    figures: list[tuple[str, str, str]] = field(default_factory=list)
    """(image, alt, figcaption) of every `<figure>`."""
    toc: list[str] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)


def book_parts(epub: Path) -> BookParts:
    parts = BookParts()
    with zipfile.ZipFile(epub) as archive:
        nav = ET.fromstring(archive.read("OEBPS/nav.xhtml"))
        for element in nav.iter(f"{XHTML}nav"):
            if element.get(f"{EPUB_NS}type") == "toc":
                parts.toc = [
                    " ".join("".join(a.itertext()).split()) for a in element.iter(f"{XHTML}a")
                ]
        names = sorted(n for n in archive.namelist() if n.startswith("OEBPS/chapter-"))
        for name in names:
            file = name.removeprefix("OEBPS/")
            root = ET.fromstring(archive.read(name))
            for aside in root.iter(f"{XHTML}aside"):
                assert aside.get(f"{EPUB_NS}type") == "footnote"
                parts.footnotes[f"{file}#{aside.get('id')}"] = " ".join(
                    "".join(aside.itertext()).split()
                )
            for figure in root.iter(f"{XHTML}figure"):
                image = figure.find(f"{XHTML}img")
                caption = figure.find(f"{XHTML}figcaption")
                assert image is not None
                source = image.get("src", "")
                parts.figures.append(
                    (
                        source,
                        image.get("alt", ""),
                        " ".join("".join(caption.itertext()).split())
                        if caption is not None
                        else "",
                    )
                )
                parts.images[source] = archive.read(f"OEBPS/{source}")
            for link in root.iter(f"{XHTML}a"):
                if link.get(f"{EPUB_NS}type") == "noteref":
                    href = link.get("href", "")
                    target = f"{file}{href}" if href.startswith("#") else href
                    parts.noterefs.append(("".join(link.itertext()), target))
            section = root.find(f"{XHTML}body/{XHTML}section")
            assert section is not None
            for paragraph in section.findall(f"{XHTML}p"):
                for sup in paragraph.findall(f"{XHTML}sup"):
                    tail = sup.tail
                    sup.clear()
                    sup.tail = tail
                parts.paragraphs.append(" ".join("".join(paragraph.itertext()).split()))
    return parts
