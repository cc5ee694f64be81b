"""Tests for timeline/cameo.py: the Goldstein table, quad classes, and codes as strings."""
from __future__ import annotations

import csv
from importlib import resources

import pytest

from timeline.cameo import QUAD_CLASSES, cameo_code, goldstein, load_cameo, quad_class
from timeline.datafiles import matches, read_text
from timeline.errors import LexiconError
from timeline.rules import load_rules


@pytest.mark.parametrize("code, score, quad", [
    ("010", 0.0, 1),    # make statement
    ("013", 0.4, 1),
    ("036", 4.0, 1),    # express intent to meet
    ("040", 1.0, 1),
    ("042", 1.9, 1),
    ("046", 7.0, 1),    # negotiate
    ("057", 8.0, 1),    # sign formal agreement
    ("061", 6.4, 2),
    ("07", 7.0, 2),
    ("0841", 7.0, 2),
    ("090", -2.0, 3),
    ("10", -5.0, 3),    # demand: not "010"
    ("111", -2.0, 3),
    ("120", -4.0, 3),
    ("1312", -5.8, 3),
    ("138", -7.0, 3),
    ("141", -6.5, 4),
    ("163", -6.5, 4),
    ("173", -5.0, 4),
    ("190", -10.0, 4),
    ("204", -10.0, 4),
])
def test_goldstein_and_quad_class(code, score, quad):
    assert (goldstein(code), quad_class(code)) == (score, quad)


@pytest.mark.parametrize("code", [None, "", "00", "000", 10, "abc", "1"])
def test_no_code_has_no_score(code):
    assert (cameo_code(code), goldstein(code), quad_class(code)) == (None, None, None)


def test_unlisted_code_takes_its_longest_listed_prefix():
    assert goldstein("0469") == goldstein("046") == 7.0


def test_table_covers_the_whole_codebook():
    table = load_cameo()
    roots = sorted(c for c in table.scores if len(c) == 2)
    assert roots == [f"{n:02d}" for n in range(1, 21)]
    assert all(-10.0 <= s <= 10.0 for s in table.scores.values())
    assert table.names["010"] == "Make statement" and table.names["10"] == "DEMAND"
    assert set(QUAD_CLASSES) == {quad_class(r) for r in roots}


def test_table_provenance_is_shipped():
    note = resources.files("timeline.data").joinpath("goldstein.md").read_text(encoding="utf-8")
    assert "Goldstein" in note and "CAMEO.goldsteinscale.txt" in note


def test_every_code_the_rules_give_has_a_score():
    rules = load_rules()
    triggers = [t for ts in rules.by_lemma.values() for t in ts]
    triggers += [t for ps in rules.partners.values() for t, _ in ps]
    codes = {t.cameo for t in triggers} | {r.cameo for r in rules.rewrites if r.cameo}
    codes |= {p.intent_cameo for p in rules.types.values() if p.intent_cameo}
    scored = {c for c in codes if goldstein(c) is not None}
    assert codes - scored <= {"00"}, sorted(codes - scored)


def test_bad_table_row_names_its_line():
    text = "code,name,goldstein\n010,Make statement,0.0\n10,DEMAND,-50\n"
    with pytest.raises(LexiconError, match="goldstein.csv:3"):
        read_text(text, "goldstein.csv", ("code", "name", "goldstein"),
                  checks={"goldstein": matches(r"-?(?:10|\d)\.\d", "a score")})


def test_shipped_csv_codes_have_their_zeros():
    path = resources.files("timeline.data").joinpath("goldstein.csv")
    with path.open(encoding="utf-8") as f:
        codes = [r["code"] for r in csv.DictReader(f)]
    assert "010" in codes and "01" in codes and len(codes) == len(set(codes))
