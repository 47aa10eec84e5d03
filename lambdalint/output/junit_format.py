"""JUnit XML: one testsuite, one failed testcase per finding, for GitLab and Jenkins."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lambdalint.diagnostics import Diagnostic
from lambdalint.output import display_path

# characters XML 1.0 cannot hold even escaped; ElementTree would write them anyway
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(diagnostics: list[Diagnostic], color: bool) -> str:
    # a clean run is one passing testcase: GitLab shows "1 passed", not an empty report
    tests = str(max(len(diagnostics), 1))
    failures = str(len(diagnostics))
    suites = ET.Element("testsuites", name="lambdalint", tests=tests, failures=failures, errors="0")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="lambdalint",
        tests=tests,
        failures=failures,
        errors="0",
        skipped="0",
    )
    if not diagnostics:
        ET.SubElement(suite, "testcase", classname="lambdalint", name="no findings")
    for item in diagnostics:
        path = _xml_text(display_path(item.path))
        where = f"line {item.line}, column {item.column}"
        case = ET.SubElement(
            suite,
            "testcase",
            classname=path,
            name=f"{item.code} {item.name} at {where}",
            file=path,
            line=str(item.line),
        )
        message = _xml_text(item.text(display_path))
        failure = ET.SubElement(case, "failure", type=item.code, message=message)
        failure.text = f"{path}:{item.line}:{item.column}: {item.code} {message}"
    ET.indent(suites)
    document = ET.tostring(suites, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{document}\n'


def _xml_text(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)
