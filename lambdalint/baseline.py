"""A baseline: the findings a project accepted when it adopted lambdalint.

``--write-baseline FILE`` records each finding's fingerprint (rule code, file and the
offending source text, never the line number); ``--baseline FILE`` then hides a finding
only while the baseline still holds an unused entry with its fingerprint, so moved code
stays hidden and a second, new instance of a recorded problem is reported.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import secrets
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lambdalint.diagnostics import Diagnostic
from lambdalint.fingerprint import fingerprints, relative_path
from lambdalint.output import display_path
from lambdalint.registry import INTERNAL_ERROR

VERSION = 1


class BaselineError(Exception):
    """A baseline that cannot be read or written: exit 2 with one clear line."""


class Baseline:
    def __init__(self, path: Path, recorded: Counter[str]) -> None:
        self.path = path
        self.recorded = recorded

    def new_findings(self, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics the baseline does not absorb; each entry absorbs one finding."""
        unused = Counter(self.recorded)
        new = []
        for item, fingerprint in zip(diagnostics, _fingerprints(diagnostics, self.path)):
            if unused[fingerprint] > 0:
                unused[fingerprint] -= 1
            else:
                new.append(item)
        return new


def load_baseline(path: Path) -> Baseline:
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{shown}: cannot read baseline: {error.strerror}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{shown}: baseline is not UTF-8 JSON") from None
    if not text.strip():
        raise BaselineError(f"{shown}: baseline is empty; create it with --write-baseline {shown}")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"{shown}:{error.lineno}: baseline is not valid JSON: {error.msg}"
        ) from None
    return Baseline(path, Counter(_recorded_fingerprints(shown, document)))


def _recorded_fingerprints(shown: str, document: Any) -> list[str]:
    if not isinstance(document, dict) or "version" not in document:
        raise BaselineError(f"{shown}: not a lambdalint baseline (no 'version' field)")
    if document["version"] != VERSION:
        raise BaselineError(
            f"{shown}: baseline version {document['version']!r} is not supported"
            f" (expected {VERSION}); rewrite it with --write-baseline {shown}"
        )
    findings = document.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str) for entry in findings
    ):
        raise BaselineError(f"{shown}: 'findings' must be a list of objects with a 'fingerprint'")
    return [entry["fingerprint"] for entry in findings]


def write_baseline(path: Path, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Record the diagnostics in path, replacing it atomically; returns those not recorded."""
    # a rule that crashed is a lambdalint bug, never an accepted finding
    accepted = [item for item in diagnostics if item.code != INTERNAL_ERROR.code]
    crashes = [item for item in diagnostics if item.code == INTERNAL_ERROR.code]
    findings = [
        # path, line and message are for people reviewing the file; matching uses the fingerprint
        {
            "path": relative_path(item.path, path.parent),
            "line": item.line,
            "code": item.code,
            "message": item.text(lambda place: relative_path(place, path.parent)),
            "fingerprint": fingerprint,
        }
        for item, fingerprint in zip(accepted, _fingerprints(accepted, path))
    ]
    text = json.dumps({"version": VERSION, "findings": findings}, indent=2) + "\n"
    try:
        _replace(path, text.encode("utf-8"))
    except OSError as error:
        raise BaselineError(
            f"{display_path(path)}: cannot write baseline: {error.strerror}"
        ) from None
    _remove_abandoned_partials(path)
    return crashes


def _replace(path: Path, content: bytes) -> None:
    """A reader never sees half a baseline: write a sibling file with a name no other writer
    has (mode 0o666 less the umask, as open() creates files), then rename it over path."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _remove_abandoned_partials(path: Path) -> None:
    """A run killed while writing (SIGKILL, a power cut) leaves its partial file behind; the
    writer's process id in the name tells one that is gone from one still writing."""
    for partial in path.parent.glob(f".{glob.escape(path.name)}.*.partial"):
        pid = partial.name[len(path.name) + 2 :].split(".")[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):  # tidying up is a courtesy, never a failure
                partial.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if sys.platform == "win32":  # there os.kill(pid, 0) sends CTRL_C_EVENT: never probe
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or a pid the OS refuses: leave it alone
        return True
    return True


def _fingerprints(diagnostics: Sequence[Diagnostic], baseline: Path) -> list[str]:
    # paths relative to the baseline, so it matches from any working directory
    return fingerprints(diagnostics, root=baseline.resolve().parent)
