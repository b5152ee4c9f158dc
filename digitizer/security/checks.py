"""What `verify` checks of the vault beyond the sealed files' hashes: that the key file is
there, readable and the one that sealed the catalogue's data (without the key, from the key
check both keep), and — when the vault is unlocked — that every sealed record opens under its
own document's id, so records swapped between documents show."""

from __future__ import annotations

from digitizer.errors import VaultDamaged, VaultError, VaultKeyMissing
from digitizer.library import Library
from digitizer.library.verify import Problem, ProblemKind
from digitizer.security.access import holds_sealed_data
from digitizer.security.records import read_record
from digitizer.security.vault import KEY_CHECK_SETTING, Vault, VaultKey


def vault_problems(library: Library, key: VaultKey | None) -> list[Problem]:
    vault = Vault(library.root)
    if not holds_sealed_data(library):
        return []
    if not vault.exists():
        where = (
            f"; its copy {vault.backup_file.name} is beside it: copy it back"
            if vault.backup_file.is_file()
            else "; put your copy of it back"
        )
        return [
            Problem(
                ProblemKind.KEY_MISSING,
                str(vault.key_file.relative_to(library.root)),
                "the vault's key file is missing: the library's secret documents cannot be "
                f"opened without it, and a new vault would lose them{where}",
            )
        ]
    try:
        in_file = vault.key_check()
    except VaultError as error:
        return [Problem(ProblemKind.KEY_DAMAGED, KEY_CHECK_SETTING, str(error))]
    noted = library.get_setting(KEY_CHECK_SETTING)
    problems = []
    if noted and in_file and noted != in_file:
        problems.append(
            Problem(
                ProblemKind.KEY_MISSING,
                str(vault.key_file.relative_to(library.root)),
                "the vault's key file belongs to another vault: it does not open this "
                "library's sealed documents",
            )
        )
    if key is not None and key.unlocked:
        if noted and key.key_check != noted:
            problems.append(
                Problem(ProblemKind.KEY_MISSING, "vault key", "the key unlocked is another vault's")
            )
        else:
            problems.extend(_record_problems(library))
    return problems


def _record_problems(library: Library) -> list[Problem]:
    """Every sealed record opened under its own document's id: one moved to another document,
    or altered, fails to open."""
    problems = []
    for row in library.rows("SELECT document_id FROM sealed_records ORDER BY document_id"):
        document_id = str(row[0])
        try:
            read_record(library, document_id)
        except (VaultDamaged, VaultKeyMissing, ValueError, KeyError) as error:
            problems.append(
                Problem(
                    ProblemKind.ALTERED,
                    document_id,
                    f"its sealed record does not open under its own id ({error})",
                    (document_id,),
                )
            )
    return problems
