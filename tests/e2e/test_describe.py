"""`digitizer describe` fills in a document's archival record, field by field."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.support import query, run, run_json
from tests.helpers.pages import write_image


def test_describe_changes_only_the_fields_given(tmp_path: Path, inputs: Path) -> None:
    library = tmp_path / "library"
    document = run_json(library, "import", write_image(inputs / "nq.png", 1))["imported"][0][
        "document"
    ]

    first = run_json(
        library,
        "describe",
        document,
        "--title",
        "Nghị quyết về chuyển đổi số",
        "--type",
        "Nghị quyết",
        "--number",
        "24-NQ/TU",
        "--date",
        "2021-05-18",
        "--keywords",
        "chuyển đổi số; tuyên truyền",
    )
    second = run_json(library, "describe", document, "--issuer", "Tỉnh ủy Bình Phước")
    bad_date = run(library, "describe", document, "--date", "2021-13-01")

    assert first["number_symbol"] == "24-NQ/TU"
    assert first["keywords"] == ["chuyển đổi số", "tuyên truyền"]
    shown = run_json(library, "show", document)
    assert (shown["title"], shown["document_type"], shown["issued_on"]) == (
        "Nghị quyết về chuyển đổi số",
        "Nghị quyết",
        "2021-05-18",
    )
    assert second["issuing_body"] == "Tỉnh ủy Bình Phước"
    assert second["number_symbol"] == "24-NQ/TU", "fields not given stay as they were"
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    queued = query(library, f"SELECT count(*) FROM index_queue WHERE document_id = '{document}'")
    assert queued[0][0] >= 2, "search entries follow the record"
