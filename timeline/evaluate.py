"""Scoring extracted events against a researcher's own gold annotations.

The gold format (one JSON object per line) is documented in the README: `article` (the
headline), `evidence` (a verbatim piece of one sentence), `type` (accepted types), `actors`
(each item may list alternatives as "A|B"), `date`, `date_end`, `date_precision`,
`modality` (accepted values) and `optional`. The rules are those of the project's
reference scorer, so `timeline evaluate` and `score.py` give the same figures:

- a gold event matches a predicted one from the same article when the evidence lies in the
  predicted sentence (or the sentence in the evidence), the predicted type is accepted, and
  at least min(2, number of gold actors) gold actors are among the predicted actors;
- each gold and each predicted event matches at most once; optional gold events are neither
  rewarded nor penalised; unmatched `statement` predictions are not false positives;
- dates are scored on matched pairs with a known gold date: strict (same date, end and
  precision) and lenient (one date a prefix of the other).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .datafiles import read_table
from .errors import InputError
from .export import iter_jsonl


def norm_text(s: str) -> str:
    """Text compared without case, quote style or spacing differences."""
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "}))
    return re.sub(r"\s+", " ", s).strip().lower()


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
    return re.sub(r"^the ", "", s)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Alias -> canonical name for states and bodies (data/evaluation_aliases.csv)."""
    table = {}
    for row in read_table("evaluation_aliases.csv", ("canonical", "aliases"), required=("canonical",)):
        for alias in [row["canonical"], *row["aliases"].split("|")]:
            table[alias] = row["canonical"]
    return table


def norm_name(s: str) -> str:
    """An actor name reduced to a comparable key; a state's aliases give the state.

    >>> norm_name("the Kremlin") == norm_name("Russia")
    True
    """
    plain = _plain(s)
    return _aliases().get(plain, plain)


def _is_state(key: str) -> bool:
    return key in _aliases().values()


def name_matches(gold: str, pred: str) -> bool:
    """True when a predicted actor name is the gold one ("Trump" ~ "Donald Trump")."""
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    gt, pt = set(g.split()), set(p.split())
    return len(g.split()) > 1 and (pt <= gt or gt <= pt) and not (_is_state(g) or _is_state(p))


def actor_hits(gold_actors: list[str], pred_actors: list[str]) -> int:
    """How many gold actors (with "A|B" alternatives) the predicted actors cover."""
    hits, used = 0, set()
    for g in gold_actors:
        for i, p in enumerate(pred_actors):
            if i not in used and any(name_matches(alt, p) for alt in g.split("|")):
                used.add(i)
                hits += 1
                break
    return hits


def date_scores(gold: dict, pred: dict) -> tuple[bool, bool]:
    """(strict, lenient) agreement of a predicted date with a gold date."""
    gd, pd = gold.get("date"), pred.get("date")
    if not pd:
        return False, False
    strict = (gd == pd and (gold.get("date_end") or None) == (pred.get("date_end") or None)
              and gold.get("date_precision") == pred.get("date_precision"))
    return strict, pd.startswith(gd) or gd.startswith(pd)


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold file (JSONL); raise InputError naming the line at fault."""
    rows = []
    for n, row in iter_jsonl(path):
        missing = [k for k in ("article", "evidence", "type", "actors") if k not in row]
        if missing:
            raise InputError(f"gold record lacks {', '.join(missing)}", path=str(path), position=n)
        if isinstance(row["type"], str):
            row["type"] = [row["type"]]
        if isinstance(row.get("modality"), str):
            row["modality"] = [row["modality"]]
        problem = _gold_problem(row)
        if problem:
            raise InputError(problem, path=str(path), position=n)
        row["optional"] = parse_optional(row.get("optional", False), str(path), n)
        rows.append(row)
    return rows


def _gold_problem(row: dict) -> str | None:
    """What makes a gold record unusable (a field of the wrong type), or None."""
    def strings(v: object) -> bool:
        return isinstance(v, list) and all(isinstance(x, str) for x in v)

    for key, ok, want in (("article", isinstance(row["article"], str), "a string"),
                          ("evidence", isinstance(row["evidence"], str), "a string"),
                          ("type", strings(row["type"]), "a string or a list of strings"),
                          ("actors", strings(row["actors"]), "a list of strings"),
                          ("modality", row.get("modality") is None or strings(row["modality"]),
                           "a string or a list of strings"),
                          *((k, row.get(k) is None or isinstance(row[k], str), "a string or null")
                            for k in ("date", "date_end", "date_precision"))):
        if not ok:
            return f"gold field {key!r} must be {want}, not {type(row.get(key)).__name__}"
    return None


_OPTIONAL_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False, "": False}


def parse_optional(value: object, path: str = "", line: int | None = None) -> bool:
    """The `optional` of a gold record as a bool: true/false, 1/0, or those words as text.

    >>> parse_optional(True), parse_optional("false"), parse_optional("Yes"), parse_optional(0)
    (True, False, True, False)
    """
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _OPTIONAL_WORDS:
        return _OPTIONAL_WORDS[value.strip().lower()]
    raise InputError(f"'optional' must be true or false, not {value!r}", path=path or None, position=line)


def score_events(pred: list[dict], gold: list[dict]) -> dict:
    """Precision, recall, F1, date and modality accuracy of `pred` against `gold`."""
    titles = {norm_text(g["article"]) for g in gold}
    pred = [p for p in pred if norm_text(p.get("article_title", "")) in titles]
    used: set[int] = set()
    matches: list[tuple[dict, dict]] = []
    for g in sorted(gold, key=lambda g: g.get("optional", False)):
        ev, need = norm_text(g["evidence"]), min(2, len(g["actors"]))
        best, best_key = None, None
        for i, p in enumerate(pred):
            if i in used or norm_text(p.get("article_title", "")) != norm_text(g["article"]):
                continue
            sent = norm_text(p.get("sentence", ""))
            if not sent or not (ev in sent or sent in ev) or p.get("type") not in g["type"]:
                continue
            hits = actor_hits(g["actors"], p.get("actors") or [])
            if hits < need:
                continue
            key = (hits, date_scores(g, p)[0] if g.get("date") else False)
            if best_key is None or key > best_key:
                best, best_key = i, key
        if best is not None:
            used.add(best)
            matches.append((g, pred[best]))
    scored = [g for g in gold if not g.get("optional")]
    tp = sum(1 for g, _ in matches if not g.get("optional"))
    fps = [p for i, p in enumerate(pred) if i not in used and p.get("type") != "statement"]
    precision = tp / (tp + len(fps)) if tp + len(fps) else 0.0
    recall = tp / len(scored) if scored else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    dated = [(g, p) for g, p in matches if not g.get("optional") and g.get("date")]
    modal = [(g, p) for g, p in matches if not g.get("optional")]
    matched = {id(g) for g, _ in matches}
    return {
        "gold_events": len(scored), "predicted_events": len(pred), "true_positives": tp,
        "false_positives": len(fps), "matched_optional": sum(1 for g, _ in matches if g.get("optional")),
        "precision": round(precision, 4), "recall": round(recall, 4), "event_f1": round(f1, 4),
        "date_strict": round(sum(date_scores(g, p)[0] for g, p in dated) / len(dated), 4) if dated else None,
        "date_lenient": round(sum(date_scores(g, p)[1] for g, p in dated) / len(dated), 4) if dated else None,
        "dated_matches": len(dated),
        "modality_acc": round(sum(p.get("modality") in g.get("modality", []) for g, p in modal) / len(modal), 4)
        if modal else None,
        "_missed": [g for g in scored if id(g) not in matched], "_false_positives": fps,
        "_wrong_dates": [(g, p) for g, p in dated if not date_scores(g, p)[0]],
    }


def format_figures(figures: dict) -> str:
    """The figures on one line, `key=value` separated by spaces."""
    return " ".join(f"{k}={v}" for k, v in figures.items())


def format_details(result: dict) -> list[str]:
    """One line per missed event, false positive and wrong date."""
    lines = [f"MISSED  [{'/'.join(g['type'])}] {g['actors']} {g.get('date')}: {g['evidence'][:90]}" for g in result["_missed"]]
    lines += [f"EXTRA   [{p.get('type')}] {p.get('actors')} {p.get('date')}: {p.get('sentence', '')[:90]}"
              for p in result["_false_positives"]]
    lines += [f"DATE    gold {g.get('date')}..{g.get('date_end')} ({g.get('date_precision')}) got {p.get('date')}.."
              f"{p.get('date_end')} ({p.get('date_precision')}): {g['evidence'][:70]}" for g, p in result["_wrong_dates"]]
    return lines
