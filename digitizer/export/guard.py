"""The check every export makes before anything leaves the library: no document classified
Mật (secret) or above goes out as a public file. The guarded internal copy of a secret document
is another path, with a banner, a copy mark and the copy register."""

from __future__ import annotations

from collections.abc import Sequence

from digitizer.errors import SecretExportRefused
from digitizer.model import Document


def refuse_secret(documents: Sequence[Document], what: str) -> None:
    """Refuse a public export of any document classified Mật or above."""
    secret = [d for d in documents if d.classification.is_secret]
    if not secret:
        return
    listed = ", ".join(f"{d.id} ({d.classification.vietnamese_name})" for d in secret)
    raise SecretExportRefused(
        f"Refused: {what} would take secret document(s) {listed} out of the library. "
        "Documents classified Mật, Tối mật or Tuyệt mật are not exported as public files; "
        "make a guarded internal copy instead. / Không xuất tài liệu mật ra tệp công khai."
    )
