"""The rule tables (timeline/rules.py, timeline/datafiles.py): checked at load, indexed, phrase cues."""
from __future__ import annotations

import pytest

from timeline import actors, cameo, datafiles, evaluate, merge, rules
from timeline.errors import LexiconError
from timeline.model import EVENT_TYPES

PUB = "2025-03-12"


def _clear_caches():
    for f in (datafiles._cached, rules.load_rules, rules.event_types, rules.words, actors.group_nouns, actors.referring_group_nouns,
              actors.following_group_nouns,
              actors.agent_nouns, actors.collective_nouns, cameo.load_cameo, merge.merge_types, evaluate._aliases):
        f.cache_clear()


@pytest.fixture
def broken(monkeypatch):
    """Replace one shipped data file by a text of the test's making, for one load."""
    real = datafiles.data_text

    def use(name: str, edit):
        monkeypatch.setattr(datafiles, "data_text", lambda n: edit(real(n)) if n == name else real(n))
        _clear_caches()
    yield use
    monkeypatch.undo()
    _clear_caches()


def _append(row: str):
    return lambda text: text.rstrip("\n") + "\n" + row + "\n"


def _lines(name: str) -> int:
    return len(datafiles.data_text(name).rstrip("\n").splitlines())


def _type_row(**values) -> str:
    """A row of event_types.csv with the given values, whatever its columns are now."""
    header = datafiles.data_text("event_types.csv").splitlines()[0].split(",")
    base = {"type": "summit", "color": "#123456", "symbol": "circle"} | values
    return ",".join(base.get(col, "") for col in header)


# (file, loader, a bad row (or a function making one), what the error says)
BAD_ROWS = [
    ("triggers.csv", rules.load_rules, "meeting,meet,VERB,040", "expected 6 fields"),
    ("triggers.csv", rules.load_rules, "meting,meet,VERB,040,CONSULT,", "type: 'meting' is not one of"),
    ("triggers.csv", rules.load_rules, "meeting,meet,VERB,40a,CONSULT,", "cameo: '40a' is not a CAMEO code"),
    ("triggers.csv", rules.load_rules, "meeting,,VERB,040,CONSULT,", "empty trigger"),
    ("partner_triggers.csv", rules.load_rules, "meeting,receive,VERB,043,CONSULT,somebody,", "partner:"),
    ("modality.csv", rules.load_rules, "hope,wishful,ANY,", "modality: 'wishful' is not one of"),
    ("support_verbs.csv", rules.load_rules, ",no verb", "empty verb"),
    ("event_types.csv", rules.event_types, lambda: _type_row(reporting="maybe"), "reporting: 'maybe'"),
    ("event_types.csv", rules.event_types, lambda: _type_row(color="red"), "color: 'red' is not a colour"),
    ("rewrites.csv", rules.load_rules, "x,roles,by_magic,meeting,call,041,CONSULT,,", "condition: 'by_magic'"),
    ("rewrites.csv", rules.load_rules, "x,later,remote_exchange,meeting,call,041,CONSULT,,", "stage: 'later'"),
    ("words.csv", rules.words, "reporting", "expected 3 fields"),
    ("group_nouns.csv", actors.group_nouns, ",rebels,yes,,a note", "empty noun"),
    ("group_nouns.csv", actors.referring_group_nouns, "rebel,rebels,maybe,,", "refers_back: 'maybe'"),
    ("group_nouns.csv", actors.following_group_nouns, "supporter,supporters,,often,", "follows: 'often'"),
    ("evaluation_aliases.csv", evaluate._aliases, "a,b,c", "expected 2 fields"),
    ("governed.csv", rules.load_rules, "offer,summit,NOUN,,,,", "governed: unknown event types summit"),
    ("governed.csv", rules.load_rules, "offer,aid,NOUN,,maybe,,", "direct: 'maybe'"),
    ("governed.csv", rules.load_rules, "offer,aid,NOUN,,,maybe,", "completed: 'maybe'"),
    ("aspect_verbs.csv", rules.load_rules, ",a note", "empty verb"),
    ("evaluations.csv", rules.load_rules, "nice,judged,praise,051,SUPPORT,", "frame: 'judged'"),
    ("idioms.csv", rules.load_rules, ",,a note", "empty phrase"),
    ("collective_nouns.csv", actors.collective_nouns, "side,anyone,", "refers:"),
    ("agents.csv", actors.agent_nouns, "official,officials,,government,", "empty code"),
    ("goldstein.csv", cameo.load_cameo, "999,Nothing,11.5", "goldstein:"),
    ("merge_types.csv", merge.merge_types, "meeting,summit,", "summit"),
]


@pytest.mark.parametrize("name, loader, row, reason", BAD_ROWS)
def test_a_bad_row_fails_at_load_with_file_line_and_reason(broken, name, loader, row, reason):
    line = _lines(name) + 1
    broken(name, _append(row() if callable(row) else row))
    with pytest.raises(LexiconError) as err:
        loader()
    assert str(err.value).startswith(f"{name}:{line}: ")
    assert reason in str(err.value)


@pytest.mark.parametrize("name, loader", [
    ("triggers.csv", rules.load_rules), ("modality.csv", rules.load_rules), ("event_types.csv", rules.event_types),
    ("rewrites.csv", rules.load_rules), ("words.csv", rules.words), ("group_nouns.csv", actors.group_nouns),
])
def test_a_bad_header_fails_at_load(broken, name, loader):
    broken(name, lambda text: "wrong,header\n" + text.split("\n", 1)[1])
    with pytest.raises(LexiconError, match=rf"^{name}:1: header must be"):
        loader()


def test_event_types_come_from_the_table():
    table = rules.event_types()
    assert tuple(table) == EVENT_TYPES
    assert table["meeting"].mutual and not table["criticism"].mutual
    assert table["meeting"].intent_cameo == "036"
    assert len({t.color for t in table.values()}) == len(table)  # one colour per type


def test_every_rewrite_names_a_known_condition_and_stage():
    from timeline.passes import CONDITIONS, STAGES

    for row in rules.load_rules().rewrites:
        assert row.condition in CONDITIONS and row.stage in STAGES


def test_every_data_file_is_described_in_the_data_readme():
    from pathlib import Path

    folder = Path(rules.__file__).parent / "data"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    files = [p.name for p in folder.iterdir() if p.suffix in (".csv", ".txt", ".md") and p.name != "README.md"]
    assert files and [f for f in files if f"`{f}`" not in readme] == []


def test_a_multi_word_trigger_reads_through_quotation_marks():
    from timeline.nlp import load_nlp

    loaded = rules.load_rules()
    doc = load_nlp()('Esper said the department would take "all necessary action" to protect its troops.')
    take = next(t for t in doc if t.lower_ == "take")
    trigger, end = loaded.match(doc, take.i)
    assert trigger.type == "threat" and doc[end - 1].lower_ == "action"
    plain = load_nlp()("The ministry would take action soon.")
    assert loaded.match(plain, 3) is None or loaded.match(plain, 3)[0].type != "threat"


def test_every_data_table_has_one_record_per_line():
    """A quote left open in a note swallows the rows after it into that note (it once hid seven rows of
    evaluations.csv): every line of every shipped CSV is one record of its own."""
    import csv
    from pathlib import Path

    for path in sorted((Path(__file__).parent.parent / "timeline" / "data").glob("*.csv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        records = list(csv.reader(lines))
        assert len(records) == len(lines), path.name
        assert not [r for r in csv.reader(path.open(encoding="utf-8")) if any("\n" in cell for cell in r)], path.name
