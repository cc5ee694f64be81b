"""House style: ruff over the package and the tests (STYLE.md asks for it in CI)."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", "timeline", "tests"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_long_functions_or_classes():
    """Small parts a new developer can read: no function over 60 lines, no class over 300."""
    import ast

    too_long = []
    for path in sorted((ROOT / "timeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            limit = 60 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else (
                300 if isinstance(node, ast.ClassDef) else None)
            if limit and node.end_lineno - node.lineno + 1 > limit:
                too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not too_long, too_long
