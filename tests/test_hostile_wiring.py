"""No hidden cycles (issue 10): the exchange layer reads containers and packages and knows nothing of
the modules that read what is inside them; they are wired together above it (review_model/verification.py).
Every import left inside a function in these modules says why it is there."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The modules this work touched; a function-level import in them needs a one-line reason.
TOUCHED = [*sorted((ROOT / "review_model" / "exchange").glob("*.py")),
           *(ROOT / "review_model" / "signing" / n for n in ("bundle.py", "returns.py", "document.py", "checks.py")),
           *(ROOT / "review_model" / "chair" / n for n in ("intake.py", "result_check.py")),
           ROOT / "review_model" / "identity.py", ROOT / "review_model" / "crypto.py",
           ROOT / "review_model" / "verification.py"]


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


def test_every_import_inside_a_function_says_why():
    for path in TOUCHED:
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, module, inside in _imports(path):
            if not inside:
                continue
            here, above = lines[node.lineno - 1], lines[node.lineno - 2].strip()
            assert "#" in here or above.startswith("#"), f"{path.name}:{node.lineno} imports {module} without a reason"
