"""A submission information package in the E-ARK CSIP layout (a zip): the root `METS.xml`
(METS 1.12 with the CSIP profile) points at an EAD record of the dossier and its documents
(`metadata/descriptive/ead.xml`, EAD 2002), PREMIS preservation metadata
(`metadata/preservation/premis.xml`, PREMIS 3: objects, their SHA-256 fixity, the creation
event and the agent) and the representation's files (`representations/rep1/data/`: each
document's PDF/A and text). Every file is listed with its size, SHA-256 checksum and an ISO 8601
time with the +07:00 offset. Secret documents are refused.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from digitizer.export.collection import Selection, pages_to_publish, require_text
from digitizer.export.files import write_atomically
from digitizer.export.guard import refuse_secret
from digitizer.export.model import SOFTWARE_NAME, DocumentInfo
from digitizer.export.pdfa import write_pdfa
from digitizer.export.publish import PublishResult
from digitizer.export.text import document_text
from digitizer.library import Library
from digitizer.records.store import record_json

METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
EAD = "urn:isbn:1-931666-22-9"
PREMIS = "http://www.loc.gov/premis/v3"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
VIETNAM = timezone(timedelta(hours=7))
PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARKCSIP.xml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
for prefix, uri in (("mets", METS), ("xlink", XLINK), ("ead", EAD), ("premis", PREMIS),
                    ("csip", CSIP), ("xsi", XSI)):  # fmt: skip
    ET.register_namespace(prefix, uri)


def _now(clock: Callable[[], datetime]) -> str:
    return clock().astimezone(VIETNAM).isoformat(timespec="seconds")


def _el(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: v for k, v in attributes.items() if v})
    if text:
        element.text = text
    return element


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def write_sip(
    library: Library,
    selection: Selection,
    out: Path,
    clock: Callable[[], datetime] = lambda: datetime.now(VIETNAM),
) -> PublishResult:
    refuse_secret(selection.documents, "a submission package")
    require_text(library, selection.documents)
    created = _now(clock)
    identifier = f"urn:digitizer:{selection.key}"
    files: list[tuple[str, bytes]] = []
    pages = 0
    with tempfile.TemporaryDirectory(prefix=".sip-", dir=out.parent) as temp:
        for document in selection.documents:
            document_pages = pages_to_publish(library, document.id)
            pages += len(document_pages)
            pdf = Path(temp) / f"{document.id}.pdf"
            info = DocumentInfo.from_metadata(document.metadata, identifier=document.id)
            write_pdfa(document_pages, info, pdf)
            files.append((f"representations/rep1/data/{document.id}.pdf", pdf.read_bytes()))
            text = document_text(document_pages).encode("utf-8")
            files.append((f"representations/rep1/data/{document.id}.txt", text))
    ead = _ead(library, selection, identifier)
    premis = _premis(files, created, identifier)
    metadata = [("metadata/descriptive/ead.xml", ead), ("metadata/preservation/premis.xml", premis)]
    mets = _mets(selection, identifier, created, metadata, files)
    root = f"{selection.key}/"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in [("METS.xml", mets), *metadata, *files]:
            archive.writestr(root + path, data)
    write_atomically(out, buffer.getvalue())
    return PublishResult(
        format="sip",
        path=out,
        documents=tuple(d.id for d in selection.documents),
        pages=pages,
        size=out.stat().st_size,
        details={"package": selection.key, "files": [p for p, _ in [*metadata, *files]]},
    )


def _ead(library: Library, selection: Selection, identifier: str) -> bytes:
    ead = ET.Element(f"{{{EAD}}}ead")
    header = _el(ead, f"{{{EAD}}}eadheader")
    _el(header, f"{{{EAD}}}eadid", identifier)
    title = _el(_el(header, f"{{{EAD}}}filedesc"), f"{{{EAD}}}titlestmt")
    _el(title, f"{{{EAD}}}titleproper", selection.title)
    description = _el(ead, f"{{{EAD}}}archdesc", level="file" if selection.collection else "item")
    did = _el(description, f"{{{EAD}}}did")
    _el(did, f"{{{EAD}}}unittitle", selection.title)
    if selection.collection is not None and selection.collection.code:
        _el(did, f"{{{EAD}}}unitid", selection.collection.code)
    parts = _el(description, f"{{{EAD}}}dsc")
    for position, document in enumerate(selection.documents, start=1):
        record = record_json(library, document)
        meta = document.metadata
        component = _el(parts, f"{{{EAD}}}c", id=f"d{position}-{document.id}", level="item")
        unit = _el(component, f"{{{EAD}}}did")
        _el(unit, f"{{{EAD}}}unitid", meta.number_symbol or document.id)
        _el(unit, f"{{{EAD}}}unittitle", meta.title or meta.abstract or document.id)
        if meta.issued_on:
            _el(unit, f"{{{EAD}}}unitdate", meta.issued_on.strftime("%d/%m/%Y"),
                normal=meta.issued_on.isoformat())  # fmt: skip
        if meta.issuing_body:
            _el(_el(unit, f"{{{EAD}}}origination"), f"{{{EAD}}}corpname", meta.issuing_body)
        if record.get("signer_name"):
            _el(_el(unit, f"{{{EAD}}}origination", label="người ký"),
                f"{{{EAD}}}persname", str(record["signer_name"]))  # fmt: skip
        if meta.abstract:
            _el(_el(component, f"{{{EAD}}}scopecontent"), f"{{{EAD}}}p", meta.abstract)
        if meta.document_type:
            _el(_el(component, f"{{{EAD}}}controlaccess"), f"{{{EAD}}}genreform",
                meta.document_type)  # fmt: skip
    return _xml(ead)


def _premis(files: list[tuple[str, bytes]], created: str, identifier: str) -> bytes:
    premis = ET.Element(f"{{{PREMIS}}}premis", version="3.0")
    for path, data in files:
        obj = _el(premis, f"{{{PREMIS}}}object")
        obj.set(f"{{{XSI}}}type", "premis:file")
        ident = _el(obj, f"{{{PREMIS}}}objectIdentifier")
        _el(ident, f"{{{PREMIS}}}objectIdentifierType", "local")
        _el(ident, f"{{{PREMIS}}}objectIdentifierValue", path)
        characteristics = _el(obj, f"{{{PREMIS}}}objectCharacteristics")
        fixity = _el(characteristics, f"{{{PREMIS}}}fixity")
        _el(fixity, f"{{{PREMIS}}}messageDigestAlgorithm", "SHA-256")
        _el(fixity, f"{{{PREMIS}}}messageDigest", hashlib.sha256(data).hexdigest())
        _el(characteristics, f"{{{PREMIS}}}size", str(len(data)))
        kind = _el(_el(characteristics, f"{{{PREMIS}}}format"), f"{{{PREMIS}}}formatDesignation")
        _el(kind, f"{{{PREMIS}}}formatName", _media_type(path))
    event = _el(premis, f"{{{PREMIS}}}event")
    event_id = _el(event, f"{{{PREMIS}}}eventIdentifier")
    _el(event_id, f"{{{PREMIS}}}eventIdentifierType", "local")
    _el(event_id, f"{{{PREMIS}}}eventIdentifierValue", f"{identifier}:creation")
    _el(event, f"{{{PREMIS}}}eventType", "creation")
    _el(event, f"{{{PREMIS}}}eventDateTime", created)
    agent_link = _el(event, f"{{{PREMIS}}}linkingAgentIdentifier")
    _el(agent_link, f"{{{PREMIS}}}linkingAgentIdentifierType", "local")
    _el(agent_link, f"{{{PREMIS}}}linkingAgentIdentifierValue", SOFTWARE_NAME)
    agent = _el(premis, f"{{{PREMIS}}}agent")
    agent_id = _el(agent, f"{{{PREMIS}}}agentIdentifier")
    _el(agent_id, f"{{{PREMIS}}}agentIdentifierType", "local")
    _el(agent_id, f"{{{PREMIS}}}agentIdentifierValue", SOFTWARE_NAME)
    _el(agent, f"{{{PREMIS}}}agentName", SOFTWARE_NAME)
    _el(agent, f"{{{PREMIS}}}agentType", "software")
    return _xml(premis)


def _media_type(path: str) -> str:
    return {"pdf": "application/pdf", "txt": "text/plain", "xml": "text/xml"}[path.rsplit(".")[-1]]


def _mets(
    selection: Selection,
    identifier: str,
    created: str,
    metadata: list[tuple[str, bytes]],
    files: list[tuple[str, bytes]],
) -> bytes:
    mets = ET.Element(f"{{{METS}}}mets", OBJID=identifier, LABEL=selection.title,
                      TYPE="Mixed", PROFILE=PROFILE)  # fmt: skip
    mets.set(f"{{{CSIP}}}OAISPACKAGETYPE", "SIP")
    mets.set(f"{{{CSIP}}}CONTENTINFORMATIONTYPE", "MIXED")
    header = _el(mets, f"{{{METS}}}metsHdr", CREATEDATE=created, RECORDSTATUS="NEW")
    agent = _el(header, f"{{{METS}}}agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _el(agent, f"{{{METS}}}name", SOFTWARE_NAME)
    sections = {"descriptive": "dmdSec", "preservation": "digiprovMD"}
    amd = None
    ids = []
    for number, (path, data) in enumerate(metadata, start=1):
        kind = path.split("/")[1]
        if sections[kind] == "dmdSec":
            section = _el(mets, f"{{{METS}}}dmdSec", ID=f"dmd{number}", CREATED=created,
                          STATUS="CURRENT")  # fmt: skip
        else:
            amd = amd if amd is not None else _el(mets, f"{{{METS}}}amdSec")
            section = _el(amd, f"{{{METS}}}digiprovMD", ID=f"pres{number}", STATUS="CURRENT")
        ids.append(section.get("ID", ""))
        ref = _el(section, f"{{{METS}}}mdRef", LOCTYPE="URL",
                  MDTYPE="EAD" if kind == "descriptive" else "PREMIS",
                  MIMETYPE="text/xml", SIZE=str(len(data)), CREATED=created,
                  CHECKSUM=hashlib.sha256(data).hexdigest(), CHECKSUMTYPE="SHA-256")  # fmt: skip
        ref.set(f"{{{XLINK}}}type", "simple")
        ref.set(f"{{{XLINK}}}href", path)
    file_section = _el(mets, f"{{{METS}}}fileSec", ID="files")
    group = _el(file_section, f"{{{METS}}}fileGrp", ID="rep1", USE="Representations/rep1")
    for number, (path, data) in enumerate(files, start=1):
        entry = _el(group, f"{{{METS}}}file", ID=f"file{number}", MIMETYPE=_media_type(path),
                    SIZE=str(len(data)), CREATED=created,
                    CHECKSUM=hashlib.sha256(data).hexdigest(), CHECKSUMTYPE="SHA-256")  # fmt: skip
        location = _el(entry, f"{{{METS}}}FLocat", LOCTYPE="URL")
        location.set(f"{{{XLINK}}}type", "simple")
        location.set(f"{{{XLINK}}}href", path)
    structure = _el(mets, f"{{{METS}}}structMap", TYPE="PHYSICAL", LABEL="CSIP")
    top = _el(structure, f"{{{METS}}}div", LABEL=selection.key)
    _el(top, f"{{{METS}}}div", LABEL="Metadata", DMDID=ids[0], ADMID=" ".join(ids[1:]))
    representation = _el(top, f"{{{METS}}}div", LABEL="Representations/rep1")
    for number in range(1, len(files) + 1):
        _el(representation, f"{{{METS}}}fptr", FILEID=f"file{number}")
    return _xml(mets)
