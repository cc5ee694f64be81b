"""Tests for timeline/evaluate.py: each matching rule on small hand-made tables, and agreement with score.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.evaluate import (
    actor_hits,
    date_scores,
    format_details,
    format_figures,
    load_gold,
    name_matches,
    norm_name,
    norm_text,
    score_events,
)

ROOT = Path(__file__).resolve().parent.parent
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"

TITLE = "Trump meets Lee"
SENTENCE = "US President Donald Trump met South Korea’s Lee Jae Myung at the White House on Monday."


def pred(type="meeting", actors=("Donald Trump", "Lee Jae Myung"), sentence=SENTENCE, title=TITLE, **kw):
    return {"type": type, "actors": list(actors), "sentence": sentence, "article_title": title,
            "date": "2025-08-25", "date_end": None, "date_precision": "day", "modality": "occurred", **kw}


def gold(type=("meeting",), actors=("Donald Trump", "Lee Jae Myung"), evidence="Trump met South Korea’s Lee",
         title=TITLE, **kw):
    return {"article": title, "evidence": evidence, "type": list(type), "actors": list(actors),
            "date": "2025-08-25", "date_end": None, "date_precision": "day", "modality": ["occurred"],
            "optional": False, **kw}


def figures(p, g):
    return {k: v for k, v in score_events(p, g).items() if not k.startswith("_")}


# --- names -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("gold_name, pred_name, match", [
    ("Donald Trump", "Donald Trump", True),
    ("Donald Trump", "donald  trump", True),
    ("Donald Trump", "Trump", True),              # surname of a person
    ("Trump", "Donald Trump", False),             # a one-word gold name needs the exact name
    ("Kim Jong Un", "Kim Jong Un", True),
    ("Kim Jong Un", "Kim", True),
    ("Lee Jae Myung", "Donald Trump", False),
    ("Russia", "the Kremlin", True),              # a seat of government is its state
    ("Russia", "Kremlin", True),
    ("Russia", "Moscow", True),
    ("United States", "Washington", True),
    ("United States", "White House", True),
    ("United States", "US", True),
    ("North Korea", "Pyongyang", True),
    ("Ukraine", "Kyiv", True),
    ("NATO", "North Atlantic Treaty Organization", True),
    ("South Korea", "Korea", False),              # no partial names for states
    ("North Korea", "South Korea", False),
    ("United States", "States", False),
    ("North Korea", "Korea", False),
    ("Russia", "Ukraine", False),
    ("", "Donald Trump", False),
    ("Donald Trump", "", False),
])
def test_name_matches(gold_name, pred_name, match):
    assert name_matches(gold_name, pred_name) is match


def test_norm_name_and_text():
    assert norm_name("the Kremlin") == norm_name("Russia") == norm_name("Moscow")
    assert norm_name("Zelenskyy") != norm_name("Ukraine")
    assert norm_text("  Trump’s  “deal”\u00a0NOW ") == "trump's \"deal\" now"


@pytest.mark.parametrize("gold_actors, pred_actors, hits", [
    (["Donald Trump", "Lee Jae Myung"], ["Donald Trump", "Lee Jae Myung"], 2),
    (["Donald Trump", "Lee Jae Myung|South Korea"], ["Donald Trump", "South Korea"], 2),
    (["Donald Trump", "Lee Jae Myung|South Korea"], ["Donald Trump", "Seoul"], 2),
    (["Donald Trump", "Lee Jae Myung|South Korea"], ["Donald Trump", "North Korea"], 1),
    (["Donald Trump", "Lee Jae Myung"], ["Trump"], 1),
    # one predicted actor covers at most one gold actor
    (["Donald Trump", "Donald Trump|United States"], ["Donald Trump"], 1),
    (["Russia", "Ukraine"], ["the Kremlin", "Kyiv"], 2),
    ([], ["Donald Trump"], 0),
])
def test_actor_hits(gold_actors, pred_actors, hits):
    assert actor_hits(gold_actors, pred_actors) == hits


# --- matching ----------------------------------------------------------------------------------------

MATCHING_CASES = [
    ("exact", pred(), gold(), 1),
    ("evidence not in sentence", pred(), gold(evidence="Trump met Kim Jong Un"), 0),
    ("evidence differs in case, quotes, spaces", pred(), gold(evidence="TRUMP  met South Korea's lee"), 1),
    ("sentence within the evidence", pred(sentence="Trump met Lee."),
     gold(evidence="Then Trump met Lee. It rained."), 1),
    ("type not accepted", pred(type="talks"), gold(), 0),
    ("one of the accepted types", pred(type="talks"), gold(type=("meeting", "talks")), 1),
    ("other article", pred(title="Another headline"), gold(), 0),
    ("one actor of two", pred(actors=("Donald Trump",)), gold(), 0),
    ("one gold actor needs one", pred(actors=("Donald Trump", "Someone Else")), gold(actors=("Donald Trump",)), 1),
    ("no gold actors need none", pred(actors=()), gold(actors=()), 1),
    ("three gold actors need two", pred(actors=("Donald Trump", "South Korea")),
     gold(actors=("Donald Trump", "Lee Jae Myung|South Korea", "Kim Jong Un")), 1),
    ("alternatives", pred(actors=("Trump", "South Korea")), gold(actors=("Donald Trump", "Lee Jae Myung|South Korea")), 1),
    ("state alias", pred(actors=("the Kremlin", "Ukraine")), gold(actors=("Russia", "Ukraine")), 1),
    ("no partial state name", pred(actors=("Donald Trump", "Korea")), gold(actors=("Donald Trump", "South Korea")), 0),
    ("no sentence", pred(sentence=""), gold(), 0),
]


@pytest.mark.parametrize("name, p, g, tp", MATCHING_CASES)
def test_matching_rules(name, p, g, tp):
    f = figures([p], [g])
    assert f["true_positives"] == tp, name
    assert f["gold_events"] == 1
    assert f["recall"] == float(tp)


def test_only_articles_named_in_the_gold_are_scored():
    f = figures([pred(), pred(title="Another headline", type="threat")], [gold()])
    assert f["predicted_events"] == 1
    assert f["false_positives"] == 0 and f["precision"] == 1.0


def test_optional_gold_is_neither_rewarded_nor_penalised():
    # matched optional: not a true positive, and its prediction is not a false positive
    f = figures([pred()], [gold(optional=True)])
    assert f == {**f, "gold_events": 0, "true_positives": 0, "false_positives": 0, "matched_optional": 1,
                 "recall": 0.0, "precision": 0.0, "event_f1": 0.0, "date_strict": None, "modality_acc": None}
    # missed optional: not a miss
    r = score_events([pred()], [gold(), gold(evidence="Kim fired a missile", optional=True)])
    assert r["gold_events"] == 1 and r["recall"] == 1.0 and r["event_f1"] == 1.0
    assert r["_missed"] == []


def test_required_gold_takes_precedence_over_optional():
    # one prediction, an optional and a required gold event both fit: the required one gets it
    f = figures([pred()], [gold(optional=True), gold()])
    assert f["true_positives"] == 1 and f["matched_optional"] == 0 and f["recall"] == 1.0


@pytest.mark.parametrize("extra_type, fp", [("statement", 0), ("meeting", 1), ("threat", 1)])
def test_unmatched_statements_are_not_false_positives(extra_type, fp):
    extra = pred(type=extra_type, sentence="Trump said the talks went well.")
    f = figures([pred(), extra], [gold()])
    assert f["true_positives"] == 1 and f["false_positives"] == fp
    assert f["precision"] == (1.0 if fp == 0 else 0.5)


def test_a_matched_statement_counts():
    f = figures([pred(type="statement")], [gold(type=("statement",))])
    assert f["true_positives"] == 1 and f["precision"] == 1.0


def test_each_prediction_matches_at_most_once():
    f = figures([pred()], [gold(), gold(evidence="Donald Trump met South Korea")])
    assert f["true_positives"] == 1 and f["gold_events"] == 2 and f["recall"] == 0.5


def test_each_gold_matches_at_most_once():
    f = figures([pred(), pred()], [gold()])
    assert f["true_positives"] == 1 and f["false_positives"] == 1 and f["precision"] == 0.5


def test_the_best_prediction_wins():
    # among fitting predictions: the strict date decides between equal actor hits...
    r = score_events([pred(date="2025-08-24"), pred()], [gold()])
    assert r["true_positives"] == 1 and r["date_strict"] == 1.0
    assert r["_false_positives"][0]["date"] == "2025-08-24"
    # ...but more actor hits come first
    two = pred(actors=("Donald Trump", "Lee Jae Myung"))
    three = pred(actors=("Donald Trump", "Lee Jae Myung", "Kim Jong Un"), date="2024")
    r = score_events([two, three], [gold(actors=("Donald Trump", "Lee Jae Myung", "Kim Jong Un"))])
    assert r["true_positives"] == 1 and r["date_strict"] == 0.0
    assert r["_false_positives"] == [two]


def test_precision_recall_f1():
    preds = [pred(), pred(type="threat", sentence="Kim threatened Trump."),
             pred(type="visit", sentence="Lee visited Washington.", actors=("Lee Jae Myung", "United States"))]
    golds = [gold(), gold(type=("visit",), evidence="Lee visited Washington", actors=("Lee Jae Myung", "Washington")),
             gold(type=("call",), evidence="Trump called Putin", actors=("Donald Trump", "Vladimir Putin"))]
    f = figures(preds, golds)
    assert (f["true_positives"], f["false_positives"], f["gold_events"]) == (2, 1, 3)
    assert f["precision"] == round(2 / 3, 4) and f["recall"] == round(2 / 3, 4)
    assert f["event_f1"] == round(2 / 3, 4)


def test_nothing_predicted():
    f = figures([], [gold()])
    assert f["precision"] == 0.0 and f["recall"] == 0.0 and f["event_f1"] == 0.0
    assert f["date_strict"] is None and f["modality_acc"] is None


# --- dates and modality ----------------------------------------------------------------------------

@pytest.mark.parametrize("g, p, strict, lenient", [
    ({"date": "2025-08-25", "date_precision": "day"}, {"date": "2025-08-25", "date_precision": "day"}, True, True),
    ({"date": "2025-08-25", "date_precision": "day"}, {"date": "2025-08", "date_precision": "month"}, False, True),
    ({"date": "2025-08", "date_precision": "month"}, {"date": "2025-08-25", "date_precision": "day"}, False, True),
    ({"date": "2025", "date_precision": "year"}, {"date": "2025-08-25", "date_precision": "day"}, False, True),
    ({"date": "2025-08-25", "date_precision": "day"}, {"date": "2025-08-24", "date_precision": "day"}, False, False),
    ({"date": "2025-08-25", "date_precision": "day"}, {"date": None, "date_precision": "unknown"}, False, False),
    ({"date": "2017", "date_end": "2021", "date_precision": "year"},
     {"date": "2017", "date_end": "2021", "date_precision": "year"}, True, True),
    ({"date": "2017", "date_end": "2021", "date_precision": "year"},
     {"date": "2017", "date_end": None, "date_precision": "year"}, False, True),
    # an empty date_end is no end
    ({"date": "2017", "date_end": "", "date_precision": "year"},
     {"date": "2017", "date_end": None, "date_precision": "year"}, True, True),
    ({"date": "2025-08-25", "date_precision": "month"}, {"date": "2025-08-25", "date_precision": "day"}, False, True),
])
def test_date_scores(g, p, strict, lenient):
    assert date_scores(g, p) == (strict, lenient)


def test_dates_are_scored_on_matched_pairs_with_a_gold_date():
    preds = [pred(), pred(sentence="Lee met Trump in August.", date="2025-08", date_precision="month"),
             pred(sentence="Trump met Lee again.", date=None, date_precision="unknown")]
    golds = [gold(), gold(evidence="Lee met Trump in August"),
             gold(evidence="Trump met Lee again", date=None, date_precision="unknown")]
    r = score_events(preds, golds)
    assert r["true_positives"] == 3
    assert r["dated_matches"] == 2
    assert r["date_strict"] == 0.5 and r["date_lenient"] == 1.0
    assert len(r["_wrong_dates"]) == 1 and r["_wrong_dates"][0][1]["date"] == "2025-08"


@pytest.mark.parametrize("pred_modality, gold_modality, acc", [
    ("occurred", ["occurred"], 1.0),
    ("intended", ["intended", "planned"], 1.0),
    ("planned", ["occurred"], 0.0),
    ("negated", [], 0.0),
])
def test_modality_accuracy(pred_modality, gold_modality, acc):
    f = figures([pred(modality=pred_modality)], [gold(modality=gold_modality)])
    assert f["true_positives"] == 1 and f["modality_acc"] == acc


def test_optional_matches_do_not_count_for_dates_or_modality():
    r = score_events([pred(date="1999", modality="negated")], [gold(optional=True)])
    assert r["date_strict"] is None and r["modality_acc"] is None


# --- gold files and output -------------------------------------------------------------------------

def test_load_gold_normalises_strings_to_lists(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"article": "a", "evidence": "e", "type": "meeting", "actors": [],
                                "modality": "occurred"}) + "\n\n", encoding="utf-8")
    [row] = load_gold(path)
    assert row["type"] == ["meeting"] and row["modality"] == ["occurred"]


@pytest.mark.parametrize("line, position", [
    ("not json", 2),
    ('{"article": "a", "evidence": "e", "type": ["meeting"]}', 2),
])
def test_load_gold_names_the_bad_line(tmp_path, line, position):
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"article": "a", "evidence": "e", "type": ["meeting"], "actors": []})
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_gold(path)
    assert e.value.position == position and str(path) in str(e.value)


def test_format_figures_and_details():
    r = score_events([pred(type="threat", sentence="Kim threatened Trump."), pred(date="2025-08-24")],
                     [gold(), gold(evidence="Lee flew home", type=("visit",))])
    figures_line = format_figures({k: v for k, v in r.items() if not k.startswith("_")})
    assert "true_positives=1" in figures_line and "\n" not in figures_line
    lines = format_details(r)
    assert [line.split()[0] for line in lines] == ["MISSED", "EXTRA", "DATE"]


def test_seed_gold_file_loads(data_dir):
    rows = load_gold(data_dir / "seed_gold.jsonl")
    assert len(rows) > 30
    assert all(isinstance(r["type"], list) and r["type"] for r in rows)


# --- agreement with the reference scorer -------------------------------------------------------------

@pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"reference scorer {SCORE_PY} not present (needs ../shared)")
def test_score_events_agrees_with_score_py(seed_events, data_dir, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in seed_events),
                      encoding="utf-8")
    gold_path = data_dir / "seed_gold.jsonl"
    proc = subprocess.run([sys.executable, str(SCORE_PY), str(events), str(gold_path), "--json"],
                          capture_output=True, text=True, check=True)
    reference = json.loads(proc.stdout)
    ours = {k: v for k, v in score_events([e.to_dict() for e in seed_events], load_gold(gold_path)).items()
            if not k.startswith("_")}
    assert reference, proc.stdout
    for key, value in reference.items():
        assert key in ours, key
        assert ours[key] == value, (key, ours[key], value)


@pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"reference scorer {SCORE_PY} not present (needs ../shared)")
def test_hand_made_cases_agree_with_score_py(tmp_path):
    """The matching-rule table above, scored by both scorers, one article per case."""
    preds, golds = [], []
    for n, (name, p, g, _) in enumerate(MATCHING_CASES):
        title = f"case {n}: {name}"
        preds.append({**p, "article_title": title if p["article_title"] == TITLE else p["article_title"]})
        golds.append({**g, "article": title})
    preds += [pred(type="statement", title="case 0: exact", sentence="Trump said so."),
              pred(type="threat", title="case 0: exact", sentence="Kim threatened Trump.", date="2025")]
    golds += [gold(title="case 0: exact", evidence="Trump met South Korea", optional=True)]
    ppath, gpath = tmp_path / "pred.jsonl", tmp_path / "gold.jsonl"
    ppath.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    gpath.write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCORE_PY), str(ppath), str(gpath), "--json"],
                          capture_output=True, text=True, check=True)
    ours = {k: v for k, v in score_events(preds, load_gold(gpath)).items() if not k.startswith("_")}
    assert json.loads(proc.stdout) == ours
