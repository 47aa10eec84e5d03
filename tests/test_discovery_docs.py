"""docs/discovery.md documents every discovery source, and every trigger type the sources record."""

from __future__ import annotations

import re

import pytest
from cases import REPO

from lambdalint.config import DISCOVERY_SOURCES

DOCS = (REPO / "docs" / "discovery.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("source", DISCOVERY_SOURCES)
def test_each_source_has_its_section(source: str) -> None:
    section = re.search(
        rf"^### [^\n]*\(`{source}`\)\n(?P<body>.*?)(?=^#)", DOCS, re.MULTILINE | re.DOTALL
    )
    assert section is not None, f"docs/discovery.md has no '### ... (`{source}`)' section"
    assert "**Read" in section.group("body") and "**Opaque:**" in section.group("body")


def test_the_non_proxy_api_trigger_is_documented() -> None:
    assert "`ApiNonProxy`" in DOCS.split("## Triggers", 1)[1]
