"""Signed scanned PDFs as state documents arrive: a 150 ppi page scan with a small e-signature
seal image at 3,000 ppi over it, and a signature dictionary. The page imports at the scan's
resolution, and the signature is read into the catalogue and shown, the original byte-exact."""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Sequence
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw

from digitizer.acquire.pdf import text_layer_verdict
from digitizer.acquire.pdf_signatures import read_signatures
from tests.e2e.support import run, run_json
from tests.helpers.text_pages import text_page

SIGNER = "Ủy ban nhân dân tỉnh Thử Nghiệm"
REASON = "Đã ký lên văn bản này"


def _image_stream(pdf: pikepdf.Pdf, image: Image.Image) -> pikepdf.Stream:
    grey = image.convert("L")
    stream = pikepdf.Stream(pdf, zlib.compress(grey.tobytes()))
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width, stream.Height = grey.size
    stream.ColorSpace = pikepdf.Name.DeviceGray
    stream.BitsPerComponent = 8
    stream.Filter = pikepdf.Name.FlateDecode
    return stream


def signed_scan(path: Path, *, tail: bytes = b"") -> Path:
    """A one-page A4 scan at 150 ppi, a 3,000 ppi seal over its corner, and a signed field whose
    byte range covers the file as written (plus `tail` appended after signing, if any)."""
    scan = text_page(line_count=6, dpi=150, width_inches=8.27).image
    page_image = Image.new("L", (1240, 1754), 255)
    page_image.paste(scan, (0, 100))
    seal = Image.new("L", (300, 300), 255)
    ImageDraw.Draw(seal).ellipse((10, 10, 290, 290), outline=0, width=12)
    pdf = pikepdf.new()
    width, height = 1240 * 72 / 150, 1754 * 72 / 150
    page = pdf.add_blank_page(page_size=(width, height))
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    page.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(
            Scan=_image_stream(pdf, page_image), Seal=_image_stream(pdf, seal)
        ),
        Font=pikepdf.Dictionary(F1=font),
    )
    seal_points = 300 * 72 / 3000  # 7.2 pt: 3,000 ppi
    page.Contents = pdf.make_stream(
        f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Scan Do Q "
        f"q {seal_points:.3f} 0 0 {seal_points:.3f} 400 60 cm /Seal Do Q "
        # The e-signature stamp's own text, in a small box beside the seal.
        "BT /F1 6 Tf 420 70 Td (Ky boi: Uy ban nhan dan tinh) Tj 0 -8 Td "
        "(Thoi gian ky: 15.03.2024 10:30:00 +07:00) Tj ET".encode()
    )
    contents = b"\x30\x03\x02\x01\x01" + bytes(2000)  # a DER header, zero padding as signers do
    value = pikepdf.Dictionary(
        Type=pikepdf.Name.Sig,
        Filter=pikepdf.Name("/Adobe.PPKLite"),
        SubFilter=pikepdf.Name("/adbe.pkcs7.detached"),
        Name=pikepdf.String(SIGNER),
        M=pikepdf.String("D:20240315103000+07'00'"),
        Reason=pikepdf.String(REASON),
        Location=pikepdf.String("Việt Nam"),
        ByteRange=pikepdf.Array([0, 1111111111, 2222222222, 3333333333]),
        Contents=pikepdf.String(contents),
    )
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            FT=pikepdf.Name.Sig,
            T=pikepdf.String("Signature1"),
            V=pdf.make_indirect(value),
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            Rect=pikepdf.Array([0, 0, 0, 0]),
            P=page.obj,
        )
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]), SigFlags=3)
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    data = bytearray(buffer.getvalue())
    # Patch the byte range as a signer does: around the /Contents hex string, to the end.
    hole_start = data.index(b"/Contents <") + len(b"/Contents ")
    hole_end = data.index(b">", hole_start) + 1
    placeholder = b"0 1111111111 2222222222 3333333333"
    numbers = f"0 {hole_start} {hole_end} {len(data) - hole_end}".encode()
    at = data.index(placeholder)
    data[at : at + len(placeholder)] = numbers.ljust(len(placeholder))
    path.write_bytes(bytes(data) + tail)
    return path


def test_the_signature_is_read_as_the_file_states_it(tmp_path: Path) -> None:
    (signature,) = read_signatures(signed_scan(tmp_path / "signed.pdf"))

    assert signature.field == "Signature1"
    assert signature.signer == SIGNER
    assert signature.signed_at == "2024-03-15T10:30:00+07:00"
    assert signature.reason == REASON
    assert signature.location == "Việt Nam"
    assert signature.sub_filter == "adbe.pkcs7.detached"
    assert signature.covers_whole_file


def test_bytes_added_after_signing_are_noticed(tmp_path: Path) -> None:
    (signature,) = read_signatures(signed_scan(tmp_path / "signed.pdf", tail=b"\n% later\n"))

    assert not signature.covers_whole_file


def test_an_unsigned_pdf_has_no_signatures(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "plain.pdf")

    assert read_signatures(tmp_path / "plain.pdf") == []


def test_a_signed_scan_imports_at_the_scan_resolution_and_shows_its_signature(
    tmp_path: Path,
) -> None:
    source = signed_scan(tmp_path / "signed.pdf")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    library = tmp_path / "library"

    imported = run_json(library, "import", source)
    document = imported["imported"][0]["document"]
    value = run_json(library, "show", document)
    text = run(library, "show", document)

    (page,) = value["page_list"]
    assert page["dpi"] == 150
    assert page["has_text_layer"] is False
    assert value["text_layers_read_as_scans"] == [
        {"source": "signed.pdf", "page": 1, "verdict": "stamp"}
    ]
    assert "text layer      signed.pdf p1: only an e-signature stamp" in text.stdout
    assert (page["width"], page["height"]) == (1240, 1754)
    (signature,) = value["signatures"]
    assert signature["signer"] == SIGNER
    assert signature["covers_whole_file"] is True
    assert signature["source"] == "signed.pdf"
    assert value["sources"][0]["sha256"] == digest
    assert f"signed          {SIGNER}, 2024-03-15T10:30:00+07:00" in text.stdout
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest


def _bbox_page(words: Sequence[tuple[float, float, str]]) -> str:
    """One page of `pdftotext -bbox` output: A4, words of 40 × 10 points at (x, y)."""
    body = "".join(
        f'<word xMin="{x}" yMin="{y}" xMax="{x + 40}" yMax="{y + 10}">{text}</word>'
        for x, y, text in words
    )
    return f' width="595.0" height="842.0">{body}</page>'


def test_a_text_layer_is_judged_by_how_much_of_the_page_it_covers_and_how_it_reads() -> None:
    sentence = [
        "Căn",
        "cứ",
        "Luật",
        "Lưu",
        "trữ",
        "ngày",
        "mười",
        "một",
        "tháng",
        "mười",
        "một",
        "năm",
        "hai",
        "nghìn",
    ]
    spread = [(60 + 40 * (i % 12), 60 + 25 * i, sentence[i % len(sentence)]) for i in range(30)]
    corner = [(400 + 40 * (i % 4), 700 + 10 * (i // 4), sentence[i % 10]) for i in range(30)]
    garbled = [(x, y, "ẞx#q") for x, y, _ in spread]

    assert text_layer_verdict(_bbox_page(spread)) == "text"
    assert text_layer_verdict(_bbox_page(corner)) == "stamp"
    assert text_layer_verdict(_bbox_page(spread[:5])) == "stamp"
    assert text_layer_verdict(_bbox_page(garbled)) == "garbled"
    assert text_layer_verdict(_bbox_page([])) == ""
