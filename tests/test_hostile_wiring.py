"""No hidden cycles (issue 10): the exchange layer reads containers and packages and knows nothing of
the modules that read what is inside them; they are wired together above it (review_model/verification.py).
Every import left inside a function in these modules says why it is there."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The product's code (not the scripts in tools/ and benchmarks/): a function-level import needs a reason.
PRODUCT = [path for top in ("review_model", "ui", "desktop", "service", "packaging")
           for path in sorted((ROOT / top).rglob("*.py"))]


def _imports(path: Path) -> list[tuple[ast.AST, str, bool]]:
    """(node, absolute module, inside a function) for every import in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend((child, a.name, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - child.level + 1] if child.level else []
                module = ".".join([*base, child.module or ""]).strip(".")
                found.extend((child, f"{module}.{a.name}" if not child.module else module, in_function) for a in child.names)
            visit(child, inner)

    visit(tree, False)
    return found


def test_the_exchange_layer_does_not_import_the_readers_of_its_contents():
    for path in sorted((ROOT / "review_model" / "exchange").glob("*.py")):
        for _node, module, _inside in _imports(path):
            assert not module.startswith(("review_model.signing", "review_model.chair")), f"{path.name} imports {module}"


def _has_reason(lines: list[str], node: ast.AST, import_lines: set[int]) -> bool:
    """A comment on the import's own line, or above the group of imports it belongs to (blank lines
    and the other imports of the group in between), or on the `try:`/`if …:` that opens the group."""
    if "#" in lines[node.lineno - 1]:
        return True
    number = node.lineno - 1
    while number >= 1 and (number in import_lines or not lines[number - 1].strip()):
        number -= 1
    above = lines[number - 1].strip() if number >= 1 else ""
    return above.startswith("#") or ("#" in above and above.split("#", 1)[0].rstrip().endswith(":"))


def test_every_import_inside_a_function_says_why():
    missing = []
    for path in PRODUCT:
        lines = path.read_text(encoding="utf-8").splitlines()
        found = _imports(path)
        import_lines = {n for node, _m, _i in found for n in range(node.lineno, node.end_lineno + 1)}
        missing += [f"{path.relative_to(ROOT)}:{node.lineno} imports {module}" for node, module, inside in found
                    if inside and not _has_reason(lines, node, import_lines)]
    assert not missing, "function-level imports without a reason:\n" + "\n".join(missing)
