"""SARIF 2.1.0, as GitHub code scanning accepts it; the only module that knows SARIF."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lambdalint import __version__
from lambdalint.diagnostics import Diagnostic, Fix, Location
from lambdalint.fingerprint import fingerprints
from lambdalint.output import display_path
from lambdalint.registry import Rule, all_rules, documentation

HOMEPAGE = "https://github.com/lambdalint/lambdalint"
RULE_DOCS = f"{HOMEPAGE}/blob/main/docs/rules/"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lambdalint/v1"


def render(diagnostics: list[Diagnostic], color: bool) -> str:
    rules = all_rules()
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    results = [
        {
            "ruleId": item.code,
            "ruleIndex": rule_index[item.code],
            "level": item.severity,
            "message": {"text": item.text(display_path)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(item.path),
                        "region": {
                            "startLine": item.line,
                            "startColumn": item.column,
                            "endLine": item.end_line,
                            "endColumn": item.end_column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            **({"fixes": [_fix(item.path, item.fix)]} if item.fix else {}),
            **(
                {
                    "relatedLocations": [
                        _related(index, place) for index, place in enumerate(item.related)
                    ]
                }
                if item.related
                else {}
            ),
        }
        for item, fingerprint in zip(diagnostics, fingerprints(diagnostics))
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lambdalint",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",  # libcst counts columns in characters
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _rule(rule: Rule) -> dict[str, Any]:
    text = documentation(rule).strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _what_it_does(text) or rule.summary},
        "help": {"text": text, "markdown": text},
        "helpUri": f"{RULE_DOCS}{rule.code}.md",
        "defaultConfiguration": {"level": rule.severity},
    }


def _what_it_does(documentation: str) -> str:
    """The rule documentation's first section, as one paragraph."""
    match = re.search(
        r"^## What it does\n(.*?)(?=^## |\Z)", documentation, re.MULTILINE | re.DOTALL
    )
    return " ".join(match.group(1).split()) if match else ""


def _related(index: int, place: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(place.path)}
    if place.line is not None:
        physical["region"] = {
            "startLine": place.line,
            **({"startColumn": place.column} if place.column else {}),
        }
    return {"id": index, "physicalLocation": physical, "message": {"text": place.label}}


def _fix(path: Path, fix: Fix) -> dict[str, Any]:
    """A fix as SARIF's ``fix`` object: the replacements, columns 1-based as the results'."""
    return {
        "description": {"text": f"{fix.description} ({fix.applicability} fix)"},
        "artifactChanges": [
            {
                "artifactLocation": _artifact_location(path),
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": edit.line,
                            "startColumn": edit.column + 1,
                            "endLine": edit.end_line,
                            "endColumn": edit.end_column + 1,
                        },
                        "insertedContent": {"text": edit.content},
                    }
                    for edit in fix.edits
                ],
            }
        ],
    }


def _artifact_location(path: Path) -> dict[str, Any]:
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:  # outside the current directory: only an absolute URI names it
        return {"uri": path.resolve().as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": SOURCE_ROOT}
