"""The submission package in the E-ARK CSIP layout: METS, EAD and PREMIS validated against the
official schemas (vendored in resources/schemas), PREMIS fixity for every file, SHA-256
checksums that match, times in ISO 8601 with +07:00; secret documents refused."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from digitizer.acquire.importer import ImportOptions
from digitizer.errors import SecretExportRefused
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.records.test_dossier import NAME, station  # noqa: F401  (fixture)
from tests.security.routes import fabricated_routes
from tests.security.vaults import PASSPHRASE, vault_station

SCHEMAS = Path(__file__).resolve().parents[2] / "resources" / "schemas"
METS = "{http://www.loc.gov/METS/}"
PREMIS = "{http://www.loc.gov/premis/v3}"


def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def test_the_sip_validates_against_mets_ead_and_premis_and_its_checksums_hold(
    station: Workstation,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "ho-so.zip"
    result = station.publish("sip", out, collections=[NAME])
    assert result.format == "sip"
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        root = names[0].split("/")[0] + "/"
        files = {name.removeprefix(root): archive.read(name) for name in names}
    assert {"METS.xml", "metadata/descriptive/ead.xml", "metadata/preservation/premis.xml"} <= set(
        files
    )
    data = [name for name in files if name.startswith("representations/rep1/data/")]
    assert len(data) == 4  # a PDF/A and a text per document

    mets = etree.fromstring(files["METS.xml"])
    _schema(SCHEMAS / "mets" / "mets.xsd").assertValid(mets)
    ead = etree.fromstring(files["metadata/descriptive/ead.xml"])
    _schema(SCHEMAS / "ead" / "ead.xsd").assertValid(ead)
    assert "15/QĐ-UBND" in files["metadata/descriptive/ead.xml"].decode()

    assert mets.get("PROFILE") == "https://earkcsip.dilcis.eu/profile/E-ARKCSIP.xml"
    assert mets.find(f"{METS}metsHdr").get("CREATEDATE").endswith("+07:00")
    listed = {}
    for element in mets.iter(f"{METS}file", f"{METS}mdRef"):
        href = (element.find(f"{METS}FLocat") if element.tag == f"{METS}file" else element).get(
            "{http://www.w3.org/1999/xlink}href"
        )
        assert element.get("CHECKSUMTYPE") == "SHA-256"
        assert element.get("CREATED").endswith("+07:00")
        listed[href] = element.get("CHECKSUM")
    assert set(listed) == set(files) - {"METS.xml"}
    for href, checksum in listed.items():
        assert hashlib.sha256(files[href]).hexdigest() == checksum

    premis = etree.fromstring(files["metadata/preservation/premis.xml"])
    _schema(SCHEMAS / "premis" / "premis-v3-0.xsd").assertValid(premis)
    digests = {
        obj.findtext(f"{PREMIS}objectIdentifier/{PREMIS}objectIdentifierValue"): obj.findtext(
            f"{PREMIS}objectCharacteristics/{PREMIS}fixity/{PREMIS}messageDigest"
        )
        for obj in premis.iter(f"{PREMIS}object")
    }
    assert digests == {name: hashlib.sha256(files[name]).hexdigest() for name in data}
    assert premis.findtext(f"{PREMIS}event/{PREMIS}eventDateTime").endswith("+07:00")


def test_a_broken_mets_fails_the_schema(station: Workstation, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "ho-so.zip"
    station.publish("sip", out, collections=[NAME])
    with zipfile.ZipFile(out) as archive:
        mets = etree.fromstring(archive.read(archive.namelist()[0]))
    mets.find(f"{METS}fileSec").set("NOT_AN_ATTRIBUTE", "x")
    assert not _schema(SCHEMAS / "mets" / "mets.xsd").validate(mets)


@pytest.mark.parametrize("fmt", ["sip", "catalogue"])
def test_a_dossier_holding_a_secret_document_is_refused(
    fmt: str, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fabricated_routes(tmp_path / "proc-net", monkeypatch)
    vaulted = vault_station(library_path, locked=False)
    vaulted.passphrase_source = lambda: PASSPHRASE
    scans = [write_image(tmp_path / f"scan-{n}.png", n) for n in (1, 2)]
    report = vaulted.import_paths(scans, ImportOptions(collection=NAME))
    with Library.open(library_path) as library:
        for entry in report.imported:
            give_text(library, entry.document_id, ["Văn bản"])
    vaulted.classify(report.imported[1].document_id, Classification.SECRET, reason="dấu MẬT")
    out = tmp_path / f"ho-so.{fmt}"
    with pytest.raises(SecretExportRefused):
        vaulted.publish(fmt, out, collections=[NAME])
    assert not out.exists()


def test_a_broken_premis_fails_the_schema(station: Workstation, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "ho-so.zip"
    station.publish("sip", out, collections=[NAME])
    with zipfile.ZipFile(out) as archive:
        name = next(n for n in archive.namelist() if n.endswith("premis.xml"))
        premis = etree.fromstring(archive.read(name))
    schema = _schema(SCHEMAS / "premis" / "premis-v3-0.xsd")
    assert schema.validate(premis)
    fixity = next(premis.iter(f"{PREMIS}fixity"))
    fixity.remove(fixity.find(f"{PREMIS}messageDigestAlgorithm"))  # a digest of no algorithm
    assert not schema.validate(premis)
