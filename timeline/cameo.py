"""CAMEO codes: their Goldstein scores and quad classes, as GDELT and the field compute them.

A CAMEO event code is a string of 2 to 4 digits whose first two are its root ("010" make a
statement, "10" demand: never numbers). `data/goldstein.csv` holds every code with its name
and Goldstein score (provenance in `data/goldstein.md`); the quad class follows from the root,
as in GDELT: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict,
14-20 material conflict.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .datafiles import matches, read_table

__all__ = ["QUAD_CLASSES", "CameoTable", "cameo_code", "goldstein", "load_cameo", "quad_class"]

#: Quad class number -> its meaning (GDELT's QuadClass).
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_QUAD_OF_ROOT = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
                 **dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
_CODE_RE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class CameoTable:
    """The CAMEO event codes of `data/goldstein.csv`: code -> (name, Goldstein score)."""

    names: dict[str, str]
    scores: dict[str, float]

    def lookup(self, code: str) -> str | None:
        """The code itself if listed, else its longest listed prefix, else None."""
        for k in range(len(code), 1, -1):
            if code[:k] in self.scores:
                return code[:k]
        return None


@functools.cache
def load_cameo() -> CameoTable:
    """The shipped CAMEO table (cached); a bad row raises `LexiconError` naming goldstein.csv:line."""
    rows = read_table("goldstein.csv", ("code", "name", "goldstein"), required=("code", "name", "goldstein"),
                      checks={"code": matches(r"\d{2,4}", "a CAMEO code of 2 to 4 digits"),
                              "goldstein": matches(r"-?(?:10|\d)\.\d", "a score from -10.0 to 10.0")})
    return CameoTable({r["code"]: r["name"] for r in rows}, {r["code"]: float(r["goldstein"]) for r in rows})


def cameo_code(code: object) -> str | None:
    """A CAMEO code as the record carries it: a string of 2-4 digits, or None for no code.

    Root "00" (the project's old placeholder for elections, which CAMEO does not code) and
    empty values are no code. Numbers are refused: once "010" has been read as 10, its zero
    cannot be told back.

    >>> cameo_code("010"), cameo_code("00"), cameo_code(""), cameo_code(None)
    ('010', None, None, None)
    """
    if not isinstance(code, str) or not _CODE_RE.fullmatch(code) or code[:2] == "00":
        return None
    return code


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code (of its longest listed prefix), None for no code.

    >>> goldstein("046"), goldstein("0461"), goldstein("190"), goldstein(None)
    (7.0, 7.0, -10.0, None)
    """
    code = cameo_code(code)
    if code is None:
        return None
    table = load_cameo()
    key = table.lookup(code)
    return table.scores[key] if key is not None else None


def quad_class(code: str | None) -> int | None:
    """The quad class (1-4, see `QUAD_CLASSES`) of a CAMEO code from its root, None for no code.

    >>> quad_class("010"), quad_class("057"), quad_class("071"), quad_class("112"), quad_class("190")
    (1, 1, 2, 3, 4)
    """
    code = cameo_code(code)
    return _QUAD_OF_ROOT.get(int(code[:2])) if code is not None else None
