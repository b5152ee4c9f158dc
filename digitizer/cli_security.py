"""Command-line commands for secret documents: `classify`, `vault init|status`, `register`,
`audit verify|list`, `settings isolated-lan on|off`, the `internal-pdf` export, and the
passphrase options every command takes (`--passphrase-file`, `--unlock`)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.cli_support import EXIT_FAILED, EXIT_OK, EXIT_USAGE, positive_int, print_json
from digitizer.errors import FileNotFound, VaultError, VaultLocked
from digitizer.model import Classification

if TYPE_CHECKING:
    from digitizer.service import Workstation

_PROMPT = "Vault passphrase / Mật khẩu kho tài liệu mật: "
LEVELS = ", ".join(f"{level.value} ({level.vietnamese_name})" for level in Classification)


def add_passphrase_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command: where the vault's passphrase comes from."""
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="read the vault's passphrase from PATH (first line) instead of asking for it",
    )
    parser.add_argument(
        "--unlock",
        action="store_true",
        default=argparse.SUPPRESS,
        help="unlock the vault first, so that list shows and search finds secret documents",
    )


PDF_PASSWORD_VARIABLE = "DIGITIZER_PDF_PASSWORD"


def add_pdf_password_options(parser: argparse.ArgumentParser) -> None:
    """Where the password of protected PDFs comes from: never the command line itself, which
    every account on the machine sees in the process list."""
    parser.add_argument(
        "--pdf-password-file",
        type=Path,
        metavar="PATH",
        help=f"read the password of protected PDFs from PATH (first line); or set "
        f"{PDF_PASSWORD_VARIABLE}",
    )
    parser.add_argument(
        "--ask-pdf-password",
        action="store_true",
        help="ask for the password of protected PDFs on the terminal",
    )


def pdf_password(args: argparse.Namespace) -> str | None:
    """The password of protected PDFs: from its file, the terminal, or the environment."""
    path: Path | None = getattr(args, "pdf_password_file", None)
    if path is not None:
        return read_passphrase_file(path)
    if getattr(args, "ask_pdf_password", False):
        if not sys.stdin.isatty():
            raise VaultLocked("There is no terminal to ask on: give --pdf-password-file PATH.")
        return getpass.getpass("PDF password: ")
    return os.environ.get(PDF_PASSWORD_VARIABLE) or None


def classification(text: str) -> Classification:
    try:
        return Classification.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    library_option: argparse.ArgumentParser,
) -> None:
    classifying = commands.add_parser(
        "classify",
        parents=[library_option],
        help="set a document's classification",
        description=f"Set a document's security level: {LEVELS}. Documents at SECRET (Mật) "
        "and above are kept only encrypted in the vault, which needs the passphrase; lowering "
        "a level needs a reason, and every change goes into the audit log.",
    )
    classifying.add_argument("document", metavar="DOCUMENT", help="its id, or the start of it")
    classifying.add_argument("level", type=classification, metavar="LEVEL")
    classifying.add_argument("--reason", required=True, help="why (kept in the audit log)")
    classifying.add_argument("--json", action="store_true")

    vault = commands.add_parser(
        "vault",
        parents=[library_option],
        help="create the vault for secret documents, or show its state",
        description="init: create the vault (asks for a new passphrase of at least 12 "
        "characters, or reads it from --passphrase-file). status: what it holds, and whether "
        "this machine may open it (no network route other than loopback, or a declared "
        "isolated LAN).",
    )
    vault.add_argument("action", choices=["init", "status"])
    vault.add_argument("--json", action="store_true")

    register = commands.add_parser(
        "register",
        parents=[library_option],
        help="print the copy register of internal copies",
    )
    register.add_argument("document", nargs="?", metavar="DOCUMENT", help="only this document")
    register.add_argument("--json", action="store_true")

    auditing = commands.add_parser(
        "audit",
        parents=[library_option],
        help="check or list the audit log",
        description="verify: check the hash chain of the audit log and name any entry that was "
        "edited, removed or reordered. list: print the newest entries.",
    )
    auditing.add_argument("action", choices=["verify", "list"])
    auditing.add_argument("--limit", type=positive_int, default=50, metavar="N")
    auditing.add_argument("--json", action="store_true")


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """The options of `export --format internal-pdf`."""
    parser.add_argument(
        "--copies",
        type=positive_int,
        default=1,
        metavar="N",
        help="internal-pdf: how many numbered copies (default 1)",
    )
    parser.add_argument("--purpose", help="internal-pdf: why the copies are made (required)")


# --- passphrases ---------------------------------------------------------------------------------


def passphrase_source(args: argparse.Namespace) -> Callable[[], str]:
    """Where the passphrase comes from: the file given, else a prompt on the terminal."""
    path: Path | None = getattr(args, "passphrase_file", None)

    def read() -> str:
        if path is not None:
            return read_passphrase_file(path)
        if not sys.stdin.isatty():
            raise VaultLocked(
                "This needs the vault's passphrase and there is no terminal to ask on: "
                "give --passphrase-file PATH."
            )
        return getpass.getpass(_PROMPT)

    return read


def read_passphrase_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFound(f"No passphrase file {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise VaultError(f"Cannot read the passphrase file {path}: {error}.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise VaultError(f"The passphrase file {path} is empty.")
    return lines[0]


def at_start() -> None:
    """What every start of the program does first: whatever it writes is private to its owner
    (a library, an internal copy), and the RAM folders of secret pages that a killed run left
    are removed."""
    from digitizer.library.permissions import keep_private
    from digitizer.security.ramdisk import remove_stale_folders

    keep_private()
    remove_stale_folders()


def configure(station: Workstation, args: argparse.Namespace) -> None:
    """Give the workstation the command's passphrase source; `--unlock` unlocks at once."""
    station.passphrase_source = passphrase_source(args)
    if getattr(args, "unlock", False) and args.command not in ("init", "vault"):
        station.unlock(station.passphrase_source())


# --- commands ------------------------------------------------------------------------------------


def cmd_classify(station: Workstation, args: argparse.Namespace) -> int:
    if not args.reason.strip():
        print("digitizer classify: --reason must say why", file=sys.stderr)
        return EXIT_USAGE
    change = station.classify(args.document, args.level, args.reason)
    if args.json:
        print_json(change.as_json())
        return EXIT_OK
    if not change.changed:
        print(f"Document {change.document_id} is already {change.after.vietnamese_name}.")
    else:
        print(
            f"Document {change.document_id}: {change.before.vietnamese_name} → "
            f"{change.after.vietnamese_name} ({change.after.value})."
        )
    if change.sealed:
        print("  Its originals, pages, text and record are in the vault, encrypted.")
    if change.pending:
        print("  It will be sealed into the vault the next time the vault is unlocked.")
    return EXIT_OK


def cmd_vault(station: Workstation, args: argparse.Namespace) -> int:
    if args.action == "init":
        passphrase = _new_passphrase(args)
        station.vault_init(passphrase)
        from digitizer.security.vault import Vault

        key_file = Vault(station.library_path).key_file
        print(f"Created the vault of {station.library_path}.")
        print("  Keep the passphrase safe: without it the secret documents cannot be read.")
        print(
            f"  Keep a copy of the key file {key_file} away from this machine (a copy is "
            "beside it too): without it the passphrase opens nothing. It is useless without "
            "the passphrase."
        )
        return EXIT_OK
    status = station.vault_status()
    if args.json:
        print_json(status.as_json())
        return EXIT_OK
    if not status.exists:
        print(f"The library at {station.library_path} has no vault (digitizer vault init).")
    else:
        print(f"Vault of {station.library_path}, created {status.created_at}")
        print(f"  sealed objects   {status.objects} ({status.sealed_bytes:,} bytes)")
        for value, count in status.documents.items():
            print(f"  {Classification(value).vietnamese_name:<16} {count} document(s)")
        if status.pending:
            print(f"  waiting to be sealed: {', '.join(status.pending)}")
    if status.route_error:
        print(f"Network: the routing table cannot be read ({status.route_error}).")
    elif status.routes:
        print(f"Network: connected ({'; '.join(status.routes[:3])}).")
    else:
        print("Network: no route other than loopback.")
    lan = "declared" if status.isolated_lan else "not declared"
    print(f"Isolated LAN: {lan}.")
    may_open = status.isolated_lan or not (status.routes or status.route_error)
    print("Secret documents " + ("may be opened here." if may_open else "stay shut here."))
    return EXIT_OK


def _new_passphrase(args: argparse.Namespace) -> str:
    from digitizer.security.vault import check_passphrase

    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        passphrase = read_passphrase_file(path)
    else:
        if not sys.stdin.isatty():
            raise VaultLocked("There is no terminal to ask on: give --passphrase-file PATH.")
        passphrase = getpass.getpass("New vault passphrase: ")
        check_passphrase(passphrase)
        if getpass.getpass("The same again: ") != passphrase:
            raise VaultError("The two passphrases differ; nothing was created.")
    check_passphrase(passphrase)
    return passphrase


def cmd_register(station: Workstation, args: argparse.Namespace) -> int:
    entries = station.copy_register(args.document)
    if args.json:
        print_json([entry.as_json() for entry in entries])
        return EXIT_OK
    if not entries:
        print("The copy register is empty.")
        return EXIT_OK
    print(f"{'ENTRY':>5}  {'DOCUMENT':<10}  {'LEVEL':<15}  {'COPIES':>6}  {'AT':<25}  OPERATOR")
    for entry in entries:
        print(
            f"{entry.id:>5}  {entry.document_id:<10}  {entry.classification.vietnamese_name:<15}  "
            f"{entry.copies:>6}  {entry.created_at:<25}  {entry.operator}"
        )
        print(f"{'':>7}purpose: {entry.purpose}")
        print(f"{'':>7}written to: {entry.destination}")
    return EXIT_OK


def cmd_audit(station: Workstation, args: argparse.Namespace) -> int:
    if args.action == "list":
        entries = station.audit_log(args.limit)
        if args.json:
            print_json([entry.as_json() for entry in entries])
            return EXIT_OK
        for entry in entries:
            document = f"  {entry.document_id}" if entry.document_id else ""
            details = ", ".join(f"{k}={v}" for k, v in sorted(entry.details.items()))
            print(f"{entry.seq:>5}  {entry.at}  {entry.event:<18}  {entry.operator}{document}")
            if details:
                print(f"{'':>7}{details}")
        return EXIT_OK
    report = station.audit_verify()
    if args.json:
        print_json(report.as_json())
    elif report.ok:
        print(f"The audit log is intact: {report.entries} entries, each chained to the last.")
    else:
        for problem in report.problems:
            print(f"BROKEN at entry {problem.seq}: {problem.message}")
        print(f"The audit log was tampered with ({len(report.problems)} problem(s)).")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_isolated_lan(station: Workstation, args: argparse.Namespace) -> int:
    """`settings isolated-lan on|off --reason TEXT`."""
    if args.key not in ("on", "off") or args.value is not None:
        print("digitizer settings: use `isolated-lan on|off --reason TEXT`", file=sys.stderr)
        return EXIT_USAGE
    reason = (getattr(args, "reason", None) or "").strip()
    if not reason:
        print("digitizer settings: isolated-lan needs --reason TEXT", file=sys.stderr)
        return EXIT_USAGE
    declared = station.set_isolated_lan(args.key == "on", reason)
    if args.json:
        print_json({"isolated_lan": declared.on, "reason": declared.reason})
    elif declared.on:
        print("Declared this machine's network an isolated LAN; secret documents may be opened.")
    else:
        print("Withdrew the isolated-LAN declaration; secret documents need a machine offline.")
    return EXIT_OK


def cmd_internal_copy(station: Workstation, args: argparse.Namespace) -> int:
    """`export DOCUMENT --format internal-pdf --copies N --purpose TEXT --out PATH`."""
    result = station.internal_copy(args.documents[0], args.out, args.copies, args.purpose)
    if args.json:
        print_json(result.as_json())
        return EXIT_OK
    print(
        f"Wrote {len(result.paths)} internal cop{'y' if len(result.paths) == 1 else 'ies'} of "
        f"document {result.document_id} ({result.classification.vietnamese_name}, "
        f"{result.pages} page(s) each), register entry {result.register.id}:"
    )
    for path in result.paths:
        print(f"  {path}")
    return EXIT_OK


COMMANDS = {
    "classify": cmd_classify,
    "vault": cmd_vault,
    "register": cmd_register,
    "audit": cmd_audit,
}
