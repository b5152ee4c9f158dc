"""A batch full of bad files: each is refused with a stable code, the good ones still go in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.e2e.support import (
    object_path,
    objects_on_disk,
    pdf_with_huge_image,
    png_bomb,
    run,
    run_json,
    sha256_of,
    stable_error_codes,
)
from tests.helpers.pages import encrypt_pdf, page_image, pdf_of_pages, write_image

PASSWORD = "mật-khẩu-2024"

# file name → the code the import must refuse it with
BAD_FILES = {
    "empty.png": "empty-file",
    "truncated.jpg": "truncated-image",
    "truncated.png": "truncated-image",
    "text-named.png": "format-mismatch",
    "png-named.jpg": "format-mismatch",
    "corrupt.pdf": "corrupt-pdf",
    "truncated.pdf": "corrupt-pdf",
    "locked.pdf": "encrypted-pdf",
    "bomb.png": "image-too-large",
    "letter.docx": "unsupported-format",
    "animation.gif": "unsupported-format",
    "dangling-link.png": "unreadable-file",
    "no-permission.png": "unreadable-file",
}
GOOD_FILES = ("good-1.png", "good-2.jpg", "good-3.tif")


def _encoded(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def _bad_folder(folder: Path, spare: Path) -> Path:
    folder.mkdir()
    write_image(folder / "good-1.png", 1)
    write_image(folder / "good-2.jpg", 2, fmt="JPEG")
    write_image(folder / "good-3.tif", 3, fmt="TIFF", compression="group4")

    (folder / "empty.png").write_bytes(b"")
    jpeg = _encoded(page_image(4, mode="RGB"), "JPEG")
    (folder / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    png = _encoded(page_image(5), "PNG")
    (folder / "truncated.png").write_bytes(png[: len(png) // 2])
    (folder / "text-named.png").write_text("Biên bản họp, không phải ảnh.\n", encoding="utf-8")
    (folder / "png-named.jpg").write_bytes(_encoded(page_image(6), "PNG"))

    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    whole = pdf_of_pages(spare / "whole.pdf", 3).read_bytes()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    encrypt_pdf(spare / "whole.pdf", folder / "locked.pdf", PASSWORD)

    png_bomb(folder / "bomb.png")
    (folder / "letter.docx").write_bytes(b"PK\x03\x04" + b"\x14\x00\x06\x00" + b"\x00" * 64)
    (folder / "animation.gif").write_bytes(_encoded(Image.new("L", (16, 16), 200), "GIF"))
    (folder / "dangling-link.png").symlink_to(folder / "deleted-scan.png")
    no_permission = folder / "no-permission.png"
    no_permission.write_bytes(_encoded(page_image(7), "PNG"))
    no_permission.chmod(0)
    assert sorted(path.name for path in folder.iterdir()) == sorted([*BAD_FILES, *GOOD_FILES])
    return folder


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    spare = tmp_path / "spare"
    spare.mkdir()
    return _bad_folder(tmp_path / "batch", spare)


def test_every_bad_file_is_refused_with_a_stable_code(tmp_path: Path, bad_folder: Path) -> None:
    bomb = bad_folder / "bomb.png"
    assert bomb.stat().st_size < 200_000  # tiny on disk, 400 million pixels when decoded
    library = tmp_path / "library"

    result = run(library, "import", bad_folder, "--json")
    assert result.returncode == 1, result.describe()
    report = result.json()

    imported = report["imported"]
    assert sorted(Path(item["source"]).name for item in imported) == sorted(GOOD_FILES)
    assert all(item["pages"] == 1 for item in imported)
    assert report["duplicates"] == []
    assert report["cancelled"] is False

    codes = stable_error_codes()
    failed = {Path(item["source"]).name: item for item in report["failed"]}
    assert len(failed) == len(report["failed"]), "a file is reported as failed twice"
    assert set(failed) == set(BAD_FILES)
    for name, item in failed.items():
        assert item["code"], name
        assert item["code"] in codes, f"{name}: {item['code']!r} is not a stable code"
        assert item["code"] == BAD_FILES[name], f"{name}: {item}"
        assert name in item["message"], f"{name}: the message does not name the file: {item}"

    # Only the three good originals went into the store, and the library is sound.
    listed = run_json(library, "list")
    assert len(listed) == len(GOOD_FILES)
    assert objects_on_disk(library) == {sha256_of(bad_folder / name) for name in GOOD_FILES}
    check = run(library, "verify")
    assert check.returncode == 0, check.describe()


def test_human_report_lists_each_failed_file_with_its_code(
    tmp_path: Path, bad_folder: Path
) -> None:
    result = run(tmp_path / "library", "import", bad_folder)
    assert result.returncode == 1, result.describe()
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Imported 3 document(s), 3 page(s)")
    assert f"Failed: {len(BAD_FILES)}" in lines
    for name, code in BAD_FILES.items():
        matching = [line for line in lines if name in line and f"[{code}]" in line]
        assert len(matching) == 1, f"{name} [{code}] not listed once:\n{result.stdout}"
    for name in GOOD_FILES:
        assert any(name in line and "page(s)" in line for line in lines), result.stdout


def test_protected_pdf_imports_with_its_password_and_not_with_a_wrong_one(
    tmp_path: Path, bad_folder: Path
) -> None:
    locked = bad_folder / "locked.pdf"

    wrong_file = tmp_path / "wrong-password.txt"
    wrong_file.write_text("sai\n", encoding="utf-8")
    wrong = run(tmp_path / "library", "import", locked, "--pdf-password-file", wrong_file, "--json")
    assert wrong.returncode == 1, wrong.describe()
    report = wrong.json()
    assert report["imported"] == []
    assert [(Path(f["source"]).name, f["code"]) for f in report["failed"]] == [
        ("locked.pdf", "wrong-password")
    ]
    assert run_json(tmp_path / "library", "list") == []

    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    report = run_json(tmp_path / "library", "import", locked, "--pdf-password-file", password)
    assert report["failed"] == []
    assert [item["pages"] for item in report["imported"]] == [3]
    shown = run_json(tmp_path / "library", "show", report["imported"][0]["document"])
    assert [page["source_page"] for page in shown["page_list"]] == [1, 2, 3]
    assert shown["sources"][0]["sha256"] == sha256_of(locked)
    assert run(tmp_path / "library", "verify").returncode == 0


@pytest.mark.parametrize(
    ("side", "limit"),
    [
        # 196 million pixels behind a 24 KB file, at the default limit
        pytest.param(14_000, None, id="default-limit"),
        # 2.56 million pixels against a limit of 1.5 million
        pytest.param(1_600, 1_500_000, id="max-pixels-option"),
    ],
)
def test_pdf_bomb_is_refused_or_reduced_within_the_pixel_limit(
    tmp_path: Path, side: int, limit: int | None
) -> None:
    """A one-inch PDF page holding a huge image: the pixel limit applies to what is stored."""
    pdf = pdf_with_huge_image(tmp_path / "bomb.pdf", side)
    assert pdf.stat().st_size < 100_000
    library = tmp_path / "library"
    options = ["--max-pixels", str(limit)] if limit else []
    limit = limit or 89_478_485

    result = run(library, "import", pdf, "--json", *options)
    assert result.returncode in (0, 1), result.describe()
    report = result.json()
    if result.returncode == 1:
        assert [(f["code"], Path(f["source"]).name) for f in report["failed"]] == [
            ("image-too-large", "bomb.pdf")
        ]
        assert run_json(library, "list") == []
    else:
        (item,) = report["imported"]
        (page,) = run_json(library, "show", item["document"])["page_list"]
        with Image.open(object_path(library, page["image_sha256"])) as stored:
            width, height = stored.size
        assert width * height <= limit, f"a {width} × {height} page was stored, limit {limit:,}"
    check = run_json(library, "verify")
    assert check["ok"] is True
    assert check["interrupted_imports"] == []
