"""One writer for every spreadsheet: outside `koers.core.spreadsheets` no module builds a
workbook or writes CSV, or names their content types, so a new export cannot bypass the
neutralising of formulas (`test_formula_payloads` then finds it through its declaration)."""

from __future__ import annotations

import ast
from pathlib import Path

import koers

SOURCE = Path(koers.__file__).parent
THE_WRITER = SOURCE / "core" / "spreadsheets.py"

# Names that write a spreadsheet or CSV file: openpyxl's workbook and cells, the csv
# module's writers, pandas' and XlsxWriter's writers.
WRITERS = {
    "openpyxl": {"Workbook", "WriteOnlyCell", "Cell"},
    "csv": {"writer", "DictWriter"},
    "xlsxwriter": {"Workbook"},
}
WRITING_METHODS = {"to_excel", "to_csv", "ExcelWriter"}
CONTENT_TYPES = ("spreadsheetml", "text/csv", "vnd.ms-excel", "opendocument.spreadsheet")


def _offence(node: ast.AST) -> str | None:
    if isinstance(node, ast.ImportFrom) and node.module:
        names = {alias.name for alias in node.names}
        written = names & WRITERS.get(node.module.split(".")[0], set())
        return f"imports {node.module}.{min(written)}" if written else None
    if isinstance(node, ast.Import):
        names = {alias.name.split(".")[0] for alias in node.names}
        return "imports xlsxwriter" if "xlsxwriter" in names else None
    if isinstance(node, ast.Attribute):
        owner = node.value.id if isinstance(node.value, ast.Name) else ""
        if node.attr in WRITERS.get(owner, set()) or node.attr in WRITING_METHODS:
            return f"uses {owner}.{node.attr}"
    text = node.value if isinstance(node, ast.Constant) else None
    if isinstance(text, str) and any(kind in text for kind in CONTENT_TYPES):
        return f"names the content type {text!r}"
    return None


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        offence = _offence(node)
        if offence:
            found.append(
                f"{path.relative_to(SOURCE.parent)}:{getattr(node, 'lineno', '?')} {offence}"
            )
    return found


def test_only_core_spreadsheets_writes_spreadsheets() -> None:
    modules = sorted(SOURCE.rglob("*.py"))
    assert THE_WRITER in modules
    offences = [o for path in modules if path != THE_WRITER for o in _offences(path)]
    assert offences == []


def test_the_scan_recognises_a_writer() -> None:
    """The scan itself finds what it looks for (it reads the writer, which has them all)."""
    found = " ".join(_offences(THE_WRITER))
    assert "openpyxl.Workbook" in found
