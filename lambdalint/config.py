"""Reads ``[tool.lambdalint]`` from pyproject.toml into one validated Config."""

from __future__ import annotations

import difflib
import functools
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lambdalint.files import read_regular, regular_file
from lambdalint.output import FORMATS, display_path
from lambdalint.paths import exists, looked_at

if TYPE_CHECKING:
    from lambdalint.discovery.model import DeployedFunction

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on old Pythons only
    import tomli as tomllib


class ConfigError(Exception):
    """A problem with the user's configuration: exit 2 with one clear line."""


@dataclass(frozen=True)
class HandlerSpec:
    """A handler as a configuration source declared it: ``module.function``."""

    handler: str
    code_root: Path
    declared_in: Path | None = None
    declared_line: int = 0
    # the template functions that deploy it (triggers, environment), in discovery order
    deployments: tuple[DeployedFunction, ...] = field(default=(), compare=False)

    @property
    def deployment(self) -> DeployedFunction | None:
        """The first deployment: the one that sets its inline code or wrapper layer."""
        return self.deployments[0] if self.deployments else None


@dataclass
class Config:
    root: Path
    path: Path | None = None
    handlers: list[HandlerSpec] = field(default_factory=list)
    select: list[str] | None = None  # None: not set, so every rule; [] selects nothing
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fixable: list[str] | None = None  # None: not set, so every rule's fixes
    unfixable: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    extra_client_factories: list[str] = field(default_factory=list)
    output_format: str | None = None
    output_file: Path | None = None
    baseline: Path | None = None
    cache_dir: Path | None = None  # None: .lambdalint_cache in the root
    # bytes: a larger template, .tf or Python file is not read unless it holds a declared
    # handler; real files are far smaller, a generated or hostile one can cost minutes
    # CloudFormation's own limit for a template; libcst needs ~4 s and 250 MB a MB of Python
    max_file_size: int = 1_000_000
    discover: tuple[str, ...] = ("sam", "serverless", "cdk", "terraform")
    key_lines: dict[str, int] = field(default_factory=dict)  # where each key is set

    def where(self, key: str) -> str:
        """``pyproject.toml:3``, the place that set key, for messages about its effect."""
        shown = display_path(self.path) if self.path else "configuration"
        return f"{shown}:{self.key_lines[key]}" if key in self.key_lines else shown


STRING_LIST_KEYS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "fixable": "fixable",
    "unfixable": "unfixable",
    "exclude": "exclude",
    "extend-exclude": "extend_exclude",
    "extra-client-factories": "extra_client_factories",
}
CODE_LIST_KEYS = {"select", "extend-select", "ignore", "fixable", "unfixable"}
DISCOVERY_SOURCES = Config.discover  # the deployment formats lambdalint/discovery/ reads
KNOWN_KEYS = sorted(
    [
        *STRING_LIST_KEYS,
        "handlers",
        "code-root",
        "per-file-ignores",
        "format",
        "output-file",
        "baseline",
        "cache-dir",
        "max-file-size",
        "discover",
    ]
)


def find_config(start: Path) -> Path | None:
    """The pyproject.toml of start's project (see ``project_root``), when it has one."""
    return project_root(start)[1]


def project_root(start: Path) -> tuple[Path | None, Path | None]:
    """The project a path belongs to: the nearest folder from start upwards with a
    pyproject.toml that has a [tool.lambdalint] table, or with ``.git``; returned as
    (folder, its pyproject.toml or None), or (None, None) when no folder above has either.

    Every pyproject.toml on the way is read, so one that is not TOML is a ConfigError.
    """
    directory = start if start.is_dir() else start.parent
    directory = Path(os.path.abspath(directory))
    for candidate_dir in [directory, *directory.parents]:
        marked = project_marker(candidate_dir)
        if marked is not None:
            return marked
    return None, None


def project_marker(directory: Path) -> tuple[Path, Path | None] | None:
    """(directory, its pyproject.toml) when that file has a [tool.lambdalint] table,
    (directory, None) when it holds ``.git``; None when directory is no project's root."""
    candidate = directory / "pyproject.toml"
    if _has_table(candidate):
        return directory, candidate
    if exists(directory / ".git"):
        return directory, None
    return None


def mentions_table(path: Path) -> bool:
    """A byte look for a [tool.lambdalint] header, for files lambdalint does not own (nested
    projects' configs are their own run's business)."""
    try:
        content = read_regular(path)
    except OSError:
        return False
    if content is None:
        return False
    text = content.decode("utf-8", errors="replace")
    return re.search(r"^\s*\[\s*tool\s*\.\s*lambdalint\b", text, re.MULTILINE) is not None


def _has_table(path: Path) -> bool:
    looked_at(path)
    if not regular_file(path):
        return False
    tool = _parsed(_real(path))[1].get("tool")
    return isinstance(tool, dict) and "lambdalint" in tool


@functools.cache
def _parsed(path: Path) -> tuple[str, dict[str, Any]]:
    """A pyproject.toml's text and document, read once per run; a ConfigError when it is not
    readable UTF-8 TOML, whatever it contains."""
    shown = display_path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read configuration: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{shown}: configuration is not UTF-8 ({error.reason})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(str(error), text)
        raise ConfigError(f"{shown}:{line}: invalid TOML: {_toml_reason(str(error))}") from None
    return text, document


def run_config(explicit: Path | None) -> Config:
    """What applies to the whole run (its output): --config's, else the current directory's."""
    path = explicit or find_config(Path.cwd())
    return load_config(path) if path else default_config(Path.cwd())


def default_config(root: Path) -> Config:
    return Config(root=root.resolve())


def load_config(path: Path) -> Config:
    if path.exists() and not regular_file(path):
        raise ConfigError(f"{display_path(path)}: cannot read configuration: not a regular file")
    real = _real(path)
    text, document = _parsed(real)
    shown = display_path(path)
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        line = _line_of(text, r"tool\s*=")
        raise ConfigError(f"{shown}:{line}: 'tool' must be a table, such as [tool.lambdalint]")
    table = tool.get("lambdalint", {})
    if not isinstance(table, dict):
        line = _line_of(text, r"(tool\s*\.\s*)?lambdalint\s*=|tool\s*=")
        raise ConfigError(f"{shown}:{line}: [tool.lambdalint] must be a table")
    return _build(real, text, table)


def _real(path: Path) -> Path:
    # not Path.resolve(), which raises on a symlink loop: reading it then says what is wrong
    return Path(os.path.realpath(path))


def _line_of(text: str, pattern: str) -> int:
    """The first line that starts with pattern (1 when none does), for messages that point
    at a key outside [tool.lambdalint]."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(pattern, line.strip()):
            return number
    return 1


def _toml_error_line(message: str, text: str) -> int:
    match = re.search(r"line (\d+)", message)
    if match:
        return int(match.group(1))
    return max(len(text.splitlines()), 1)  # "at end of document"


def _toml_reason(message: str) -> str:
    return re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)


def _build(path: Path, text: str, table: dict[str, Any]) -> Config:
    root = path.parent
    config = Config(root=root, path=path)
    shown = display_path(path)
    for key, value in table.items():
        line = config.key_lines[key] = _key_line(text, key)
        where = f"{shown}:{line}"
        if _holds_nul(value):
            # no path, glob, code or Python name can hold one; the OS refuses it in a path
            raise ConfigError(f"{where}: '{key}' contains a NUL byte")
        if key in CODE_LIST_KEYS:
            setattr(config, STRING_LIST_KEYS[key], _codes(where, key, value))
        elif key in STRING_LIST_KEYS:
            setattr(config, STRING_LIST_KEYS[key], _string_list(where, key, value))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            config.per_file_ignores = {
                glob: _codes(where, f"per-file-ignores.{glob}", codes)
                for glob, codes in value.items()
            }
        elif key == "format":
            if value not in FORMATS:
                raise ConfigError(f"{where}: 'format' must be one of {', '.join(FORMATS)}")
            config.output_format = value
        elif key == "output-file":
            config.output_file = root / _file_path(where, key, value, "a string")
        elif key == "baseline":
            config.baseline = root / _file_path(
                where, key, value, "a string (a path to a JSON file)"
            )
        elif key == "cache-dir":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: 'cache-dir' must be a folder, as a non-empty string")
            config.cache_dir = root / value
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{where}: 'max-file-size' must be a number of bytes, at least 1")
            config.max_file_size = value
        elif key == "discover":
            sources = _string_list(where, key, value)
            unknown = sorted(set(sources) - set(DISCOVERY_SOURCES))
            if unknown:
                raise ConfigError(
                    f"{where}: unknown source '{unknown[0]}' in 'discover';"
                    f" expected some of {', '.join(DISCOVERY_SOURCES)}"
                )
            config.discover = tuple(dict.fromkeys(sources))
        elif key not in ("handlers", "code-root"):
            hint = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
            raise ConfigError(f"{where}: unknown key '{key}' in [tool.lambdalint]{suggestion}")
    code_root = _code_root(f"{shown}:{_key_line(text, 'code-root')}", table.get("code-root", "."))
    config.handlers = _handlers(path, text, table.get("handlers", []), root / code_root)
    return config


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\0" in value
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    return False


def _file_path(where: str, key: str, value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be {what}")
    if not value.strip():  # the config's own folder, which is never a file
        raise ConfigError(f"{where}: '{key}' is empty; it must name a file")
    return value


def _code_root(where: str, value: Any) -> str:
    """A folder relative to the config; "" and "." are its own folder."""
    if not isinstance(value, str):
        raise ConfigError(f"{where}: 'code-root' must be a string (a folder)")
    return value


def _codes(where: str, key: str, value: Any) -> list[str]:
    """Rule codes or prefixes, upper-cased as on the command line, each one known."""
    from lambdalint.registry import all_codes
    from lambdalint.suppression import UnknownCodeError, validate_prefixes

    codes = [code.upper() for code in _string_list(where, key, value)]
    if "" in codes:  # a prefix of every code: surely a slip, never "everything"
        raise ConfigError(f"{where}: '{key}': an empty rule code; name a code or prefix like LAM00")
    try:
        validate_prefixes(codes, all_codes(), f"{where}: '{key}'")
    except UnknownCodeError as error:
        raise ConfigError(str(error)) from None
    return codes


def _string_list(where: str, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value


def _handlers(path: Path, text: str, entries: Any, default_root: Path) -> list[HandlerSpec]:
    handlers_line = _key_line(text, "handlers")
    where = f"{display_path(path)}:{handlers_line}"
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: 'handlers' must be a list")
    specs = []
    entry_line = handlers_line
    for entry in entries:
        if isinstance(entry, str):
            handler = entry
            entry_line = _value_line(text, handler, entry_line)
            code_root = default_root
        elif isinstance(entry, dict) and isinstance(entry.get("handler"), str):
            unknown = set(entry) - {"handler", "code-root"}
            if unknown:
                raise ConfigError(
                    f"{where}: unknown key '{sorted(unknown)[0]}' in a handlers entry;"
                    " expected 'handler' and 'code-root'"
                )
            handler = entry["handler"]
            entry_line = _value_line(text, handler, entry_line)
            entry_where = f"{display_path(path)}:{entry_line}"
            code_root = path.parent / _code_root(entry_where, entry.get("code-root", "."))
        else:
            raise ConfigError(
                f'{where}: a handlers entry must be "module.function"'
                ' or { handler = "module.function", code-root = "dir" }'
            )
        specs.append(HandlerSpec(handler, _real(code_root), path, entry_line))
    return specs


def _key_line(text: str, key: str) -> int:
    """The line of ``key =`` inside [tool.lambdalint], for messages that point at it."""
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = re.match(r"\[\s*tool\s*\.\s*lambdalint\s*[\].]", stripped) is not None
        elif in_table and re.match(rf'["\']?{re.escape(key)}["\']?\s*=', stripped):
            return number
    return 1


def _value_line(text: str, value: str, start: int) -> int:
    """The first line from start on that holds value as a quoted string."""
    for number, line in enumerate(text.splitlines()[start - 1 :], start=start):
        if f'"{value}"' in line or f"'{value}'" in line:
            return number
    return start
