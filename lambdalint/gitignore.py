"""One ``.gitignore``'s patterns, matched as git matches them, at the cost of a dict lookup
for the patterns real files are made of.

pathspec (the well-kept implementation of git's semantics) compiles every pattern to a
regular expression and tries each on every path; on a repository of starter projects, each
with a 150-line ``.gitignore``, that compiling and trying cost more than the rest of a warm
run. Most lines are a plain name (``node_modules``, ``/build/``) or ``*.ext``: those are
looked up by name or suffix. Only the others (``[abc]``, ``**``, ``a/b*``, escapes) go to
pathspec's pattern, one at a time. The last matching line decides, as in git.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pathspec import GitIgnoreSpec, Pattern

GLOB = re.compile(r"[*?\[\\]")


@dataclass(frozen=True)
class _Line:
    index: int  # later lines win
    ignores: bool  # False for a ``!`` line, which re-includes
    directories_only: bool  # written with a trailing ``/``


@dataclass
class Rules:
    # a name that matches at any depth (no ``/`` but a trailing one)
    names: dict[str, list[_Line]] = field(default_factory=dict)
    # a path below the .gitignore's folder (a leading or inner ``/``), without globs
    paths: dict[str, list[_Line]] = field(default_factory=dict)
    suffixes: list[tuple[str, _Line]] = field(default_factory=list)  # ``*.ext``, any depth
    name_globs: list[tuple[Pattern, _Line]] = field(default_factory=list)  # other globs, no "/"
    others: list[tuple[Pattern, _Line]] = field(default_factory=list)
    # what the name-only lines say about each name: names repeat across a tree
    _by_name: dict[tuple[str, bool], list[_Line]] = field(default_factory=dict)

    def verdict(self, relative: str, is_dir: bool) -> bool | None:
        """Whether the last line matching relative (a path below the .gitignore's folder)
        ignores it (True) or re-includes it (False); None when no line matches."""
        name = relative.rpartition("/")[2]
        found = [*self._name_lines(name, is_dir), *self.paths.get(relative, ())]
        if self.others:
            spelled = f"{relative}/" if is_dir else relative
            found += [line for pattern, line in self.others if pattern.match_file(spelled)]
        matching = [line for line in found if is_dir or not line.directories_only]
        return max(matching, key=lambda line: line.index).ignores if matching else None

    def _name_lines(self, name: str, is_dir: bool) -> list[_Line]:
        key = (name, is_dir)
        if key not in self._by_name:
            spelled = f"{name}/" if is_dir else name
            self._by_name[key] = [
                *self.names.get(name, ()),
                *(line for suffix, line in self.suffixes if name.endswith(suffix)),
                *(line for pattern, line in self.name_globs if pattern.match_file(spelled)),
            ]
        return self._by_name[key]


@functools.lru_cache(maxsize=128)
def compiled(text: str) -> Rules:
    """A .gitignore's rules, once per content: generated projects repeat theirs."""
    rules = Rules()
    for index, raw in enumerate(text.splitlines()):
        line = raw if "\\" in raw else raw.rstrip()  # an escaped trailing space is kept
        if not line or line.startswith("#"):
            continue
        ignores = not line.startswith("!")
        pattern = line if ignores else line[1:]
        directories_only = pattern.endswith("/") and not pattern.endswith("\\/")
        body = pattern.rstrip("/") if directories_only else pattern
        entry = _Line(index, ignores, directories_only)
        if body and not GLOB.search(body) and "/" not in body:
            rules.names.setdefault(body, []).append(entry)
        elif body and not GLOB.search(body) and "//" not in body:
            rules.paths.setdefault(body.lstrip("/"), []).append(entry)
        elif (
            body.startswith("*") and "/" not in body and not GLOB.search(body[1:]) and len(body) > 1
        ):
            rules.suffixes.append((body[1:], entry))
        else:
            try:
                (other,) = GitIgnoreSpec.from_lines([line]).patterns
            except ValueError:  # a line git would pass over; keep the others
                continue
            if other.include is not None:  # pathspec weighs a trailing "/" itself
                kind = rules.others if "/" in body or "**" in body else rules.name_globs
                kind.append((other, _Line(index, other.include, False)))
    return rules
