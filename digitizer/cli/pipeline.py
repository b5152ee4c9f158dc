"""Command-line commands for the pipeline after import: `ocr`, `eval`, `jobs`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.cli import farm as cli_farm
from digitizer.cli.support import (
    EXIT_OK,
    Commands,
    ProgressBar,
    add_command,
    add_cores_option,
    add_document_argument,
    add_flags,
    add_json_option,
    cancel_on_interrupt,
    finish,
    positive_int,
    print_json,
    usage_error,
)

if TYPE_CHECKING:
    from digitizer.pipeline.evaluate import EvalReport
    from digitizer.pipeline.ocr import OcrOptions, OcrReport
    from digitizer.service import Workstation


def _add_ocr_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        default="vie",
        metavar="LANGS",
        help="Tesseract languages joined by '+', e.g. vie+eng (default: vie)",
    )
    add_cores_option(parser, "--jobs", "pages recognised side by side")
    add_flags(
        parser,
        {
            "--no-rotate": "do not detect and correct page orientation",
            "--no-deskew": "do not straighten skewed pages",
            "--remove-borders": "crop dark scanner borders off the pages",
            "--no-restore": "keep the text as Tesseract read it: do not restore lost tone marks",
        },
    )
    parser.add_argument(
        "--time-limit",
        type=positive_int,
        metavar="SECONDS",
        help="stop a page's work after this long (default: scaled to the page's size)",
    )
    add_json_option(parser)


def _ocr_options(args: argparse.Namespace) -> OcrOptions:
    from digitizer.pipeline.ocr import OcrOptions
    from ocr.prepare import PrepareSettings

    return OcrOptions(
        languages=args.lang,
        workers=args.jobs,
        prepare=PrepareSettings(
            orientation=not args.no_rotate,
            deskew=not args.no_deskew,
            remove_borders=args.remove_borders,
        ),
        restore=not args.no_restore,
        time_limit=args.time_limit,
    )


def add_parsers(commands: Commands) -> None:
    ocr = add_command(
        commands,
        "ocr",
        "recognise the text of documents",
        "Prepare (orientation, deskew) and recognise the pages of the named documents, or of all "
        "of them. Pages already recognised with the same settings are skipped, and pages left "
        "over by an interrupted run are always taken up.",
    )
    add_document_argument(ocr, "*")
    ocr.add_argument("--all", action="store_true", help="every document in the library")
    _add_ocr_options(ocr)
    cli_farm.add_farm_options(ocr)

    evaluating = add_command(
        commands,
        "eval",
        "measure OCR quality on pages with known text",
        "Run the whole pipeline on a folder of page images, each with its ground truth beside it "
        "(page.png and page.gt.txt), and print the character and word error rates (CER, WER) "
        "per page and overall. Uses a throwaway library.",
    )
    evaluating.add_argument("folder", type=Path, metavar="DIR")
    _add_ocr_options(evaluating)

    jobs = add_command(commands, "jobs", "list recent jobs", json=True)
    jobs.add_argument("--limit", type=positive_int, default=20, metavar="N")


def cmd_ocr(station: Workstation, args: argparse.Namespace) -> int:
    if args.all and args.documents:
        return usage_error("ocr", "give document ids or --all, not both")
    options = replace(_ocr_options(args), farm=cli_farm.farm_settings(station, args))
    with cancel_on_interrupt() as cancel:
        report = station.ocr(
            args.documents,
            everything=args.all,
            options=options,
            progress=ProgressBar(),
            cancel=cancel,
        )
    return finish(report, args.json, lambda: _print_ocr_report(report))


def _print_ocr_report(report: OcrReport) -> None:
    if report.resumed_jobs:
        jobs = ", ".join(str(job) for job in report.resumed_jobs)
        print(f"Took up the pages left by interrupted job(s) {jobs}.")
    rate = report.done / report.seconds * 60 if report.seconds and report.done else 0.0
    print(
        f"Recognised {report.done} page(s) in {report.seconds:.1f} s ({rate:.1f} pages/min); "
        f"skipped {report.skipped} page(s) already done (job {report.job_id})."
    )
    if report.failed:
        print(f"Failed: {len(report.failed)}")
        for failure in report.failed:
            print(
                f"  document {failure.document_id}, page {failure.page}  [{failure.code}]  "
                f"{failure.message}"
            )
    for change in report.classified:
        where = "sealed in the vault" if change.sealed else "to be sealed at the next unlock"
        print(
            f"Document {change.document_id} carries a {change.after.vietnamese_name.upper()} "
            f"stamp: classified {change.after.vietnamese_name} ({where})."
        )
    if report.cancelled:
        print("Cancelled. Run the same command again to finish.")


def cmd_eval(station: Workstation, args: argparse.Namespace) -> int:
    with cancel_on_interrupt() as cancel:
        report = station.evaluate(args.folder, _ocr_options(args), ProgressBar(), cancel)
    return finish(report, args.json, lambda: _print_eval_report(report))


def _print_eval_report(report: EvalReport) -> None:
    width = max([len(page.image) for page in report.pages] + [4])
    print(
        f"{'PAGE':<{width}}  {'CER':>7}  {'WER':>7}  {'RECALL':>7}  {'CHARS':>6}  {'SKEW':>6}  "
        "TURN  SECONDS  "
        f"{'CER AS READ':>11}  RESTORED"
    )
    for page in report.pages:
        print(
            f"{page.image:<{width}}  {page.score.cer:>7.2%}  {page.score.wer:>7.2%}  "
            f"{page.recall:>7.2%}  {page.score.chars:>6}  {page.skew_degrees:>5.2f}°  "
            f"{page.quarter_turns * 90:>4}  "
            f"{page.seconds:>7.2f}  {page.before_restoration.cer:>11.2%}  "
            f"{page.restored_words:>8}"
        )
    total = report.total
    print(
        f"{'overall':<{width}}  {total.cer:>7.2%}  {total.wer:>7.2%}  {total.chars:>6}  "
        f"(mean per page: CER {report.mean_cer:.2%}, WER {report.mean_wer:.2%}, "
        f"word recall {report.mean_recall:.2%}; "
        f"{len(report.pages)} page(s) in {report.seconds:.1f} s)"
    )
    print(
        f"mean CER per page: {report.mean_cer_unrestored:.2%} as read by Tesseract, "
        f"{report.mean_cer:.2%} after tone-mark restoration "
        f"(restoration took {report.restore_share:.1%} of the OCR time)"
    )
    for image, code, message in report.failed:
        print(f"FAILED {image}  [{code}]  {message}")


def cmd_jobs(station: Workstation, args: argparse.Namespace) -> int:
    jobs = station.jobs(args.limit)
    if args.json:
        print_json(jobs)
        return EXIT_OK
    if not jobs:
        print("No jobs yet.")
        return EXIT_OK
    print(
        f"{'JOB':>5}  {'KIND':<6}  {'STATE':<11}  {'DONE':>5}  {'SKIP':>5}  {'FAIL':>5}  "
        f"{'LEFT':>5}  UPDATED"
    )
    for job in jobs:
        print(
            f"{job['id']:>5}  {job['kind']!s:<6}  {job['state']!s:<11}  {job['done'] or 0:>5}  "
            f"{job['skipped'] or 0:>5}  {job['failed'] or 0:>5}  {job['pending'] or 0:>5}  "
            f"{job['updated_at']}"
        )
    return EXIT_OK


COMMANDS = {
    "ocr": cmd_ocr,
    "eval": cmd_eval,
    "jobs": cmd_jobs,
}
