"""The template side of LAM900 (see the registry's ``UNREADABLE_FILE`` for its documentation):
a deployment template, Terraform or CDK app file that discovery could not read or parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lambdalint.check import Check
from lambdalint.diagnostics import Diagnostic
from lambdalint.discovery.model import UnreadableFile
from lambdalint.registry import UNREADABLE_FILE

if TYPE_CHECKING:
    from lambdalint.runner import Project


class UnreadableDeclaration(Check):
    """Not one of the registry's checks: its code, name and text are the input problem's."""

    code = UNREADABLE_FILE.code
    name = UNREADABLE_FILE.name
    summary = UNREADABLE_FILE.summary
    severity = UNREADABLE_FILE.severity

    @classmethod
    def check_project(cls, project: Project) -> Iterator[Diagnostic]:
        """Each unreadable file once: functions inheriting one Globals setting share a note."""
        notes = [
            *project.discovery.notes,
            *(note for function in project.discovery.functions for note in function.notes),
        ]
        found = {
            Diagnostic(
                note.path,
                note.line,
                1,
                note.line,
                1,
                cls.code,
                cls.name,
                note.message,
                cls.severity,
            ): None
            for note in notes
            if isinstance(note, UnreadableFile)
        }
        return iter(found)
