"""Strict configuration (issues 17 and 21): every key at every level is checked as the file is
read — type, known key, non-empty word, known rule code, category and currency — and a bad one
is a ConfigError of one line naming the file, the key and what was expected; the command exits
2, never 3.  Config, data and rate files that are not regular UTF-8 files of a bounded size are
refused the same way, without blocking on a FIFO.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

import fundparse
from fundparse.config import Config, ConfigError, find_config, load_config
from fundparse.fx import RateError, RateTable, parse_rate

RELEASE = "총사업비 281억 원(국비 121, 지방비 150)을 투입한다.\n"   # FP101: 121 + 150 ≠ 281

# (TOML of a .fundparse.toml, the key the error names, what it says was expected)
WRONG = [
    ('select = "FP1"', "select", "an array of rule codes or prefixes"),
    ("select = 1", "select", "an array of rule codes or prefixes"),
    ('ignore = "FP101"', "ignore", "an array of rule codes or prefixes"),
    ('ignore = [""]', "ignore[0]", "a non-empty string"),
    ("extend-select = true", "extend-select", "an array of rule codes or prefixes"),
    ("extend-ignore = {}", "extend-ignore", "an array of rule codes or prefixes"),
    ('per-file-ignores = ["*.md"]', "per-file-ignores", "a table of names to an array of rule"),
    ('per-file-ignores = { "*.md" = "FP1" }', 'per-file-ignores."*.md"', "an array of rule codes"),
    ("per_file_ignores = 3", "per_file_ignores", "a table of names"),
    ("lang = 1", "lang", '"ko" or "en"'),
    ('lang = "kr"', "lang", '"ko" or "en"'),
    ('data = "words.toml"', "data", "an array of non-empty strings"),
    ("data = [1]", "data[0]", "a non-empty string"),
    ('sources = ["광역비"]', "sources", "a table of names to one of national"),
    ('sources = { "광역비" = 1 }', "sources.광역비", "one of national, provincial"),
    ('sources = { "광역비" = "provinshul" }', "sources.광역비", "one of national, provincial"),
    ('heads = { "기금" = ["other"] }', "heads.기금", "one of national"),
    ('codes = { "국" = true }', "codes.국", "one of national"),
    ('currencies = ["USD"]', "currencies", "a table of names to a table of words, symbols, minor"),
    ('currencies = { USD = ["달라"] }', "currencies.USD", "a table of words, symbols, minor"),
    ('[currencies.USD]\nwords = "달라"', "currencies.USD.words", "an array of non-empty strings"),
    ("[currencies.USD]\nsymbols = [1]", "currencies.USD.symbols[0]", "a non-empty string"),
    ('[currencies.USD]\nminor = "센트"', "currencies.USD.minor", "an array of non-empty strings"),
    ('[currencies.USD]\nwords = [""]', "currencies.USD.words[0]", "a non-empty string"),
    ("markers = []", "markers", "a table of approximate, bound"),
    ('[markers]\napproximate = ["약"]', "markers.approximate", "a table of before, after"),
    ('[markers.approximate]\nbefore = "약"', "markers.approximate.before", "an array of non-empty"),
    ('[markers.approximate]\nbefore = [""]', "markers.approximate.before[0]", "a non-empty string"),
    ('[markers.bound]\nmin = ["최소"]', "markers.bound.min", "a table of before, after"),
    ('[markers.per]\nyear = "연간"', "markers.per.year", "an array of non-empty strings"),
    ('[markers.vague]\nbefore = [" "]', "markers.vague.before[0]", "a non-empty string"),
    ('money_words = "규모"', "money_words", "a table of labels"),
    ('[money_words]\nverbs = "투입"', "money_words.verbs", "an array of non-empty strings"),
    ('[money_words]\nsizes = [2]', "money_words.sizes[0]", "a non-empty string"),
    ("scales = []", "scales", "a table of names to a positive integer"),
    ('[scales]\nbillion = "lots"', "scales.billion", "a positive integer"),
    ("[scales]\nbillion = 0", "scales.billion", "a positive integer"),
    ("[scales]\nbillion = 1.5", "scales.billion", "a positive integer"),
    ("[scales]\nbillion = true", "scales.billion", "a positive integer"),
    ('forms = ["만원"]', "forms", "a table of sum, periods"),
    ('[forms.sum]\ntotal_cues = "총"', "forms.sum.total_cues", "an array of non-empty strings"),
    ("[forms.sum]\ntotal_cues = [1]", "forms.sum.total_cues[0]", "a non-empty string"),
    ('[forms.sum]\nnearest = "10"', "forms.sum.nearest", "an integer"),
    ('[forms.periods.relative]\n"올해" = "0"', "forms.periods.relative.올해", "an integer"),
    ('[[forms.periods.form]]\nname = ""', "forms.periods.form[0].name", "a non-empty string"),
    ('[[forms.periods.form]]\nfunded = "yes"', "forms.periods.form[0].funded", "true or false"),
]

UNKNOWN = [
    ('selekt = ["FP1"]', 'unknown option "selekt"'),
    ('ignore = ["FP999"]', "ignore[0]: unknown rule code or prefix 'FP999'"),
    ('[per-file-ignores]\n"*.md" = ["XX1"]', "per-file-ignores.\"*.md\"[0]: unknown rule code"),
    ('[markers]\napprox = { before = ["약"] }', 'markers: unknown key "approx"'),
    ('[markers.bound.min]\nbefor = ["최소"]', 'markers.bound.min: unknown key "befor"'),
    ('[markers.per]\ndecade = ["10년간"]', 'markers.per: unknown key "decade"'),
    ('[money_words]\nverb = ["투입"]', 'money_words: unknown key "verb"'),
    ('[currencies.dollar]\nwords = ["엑스"]', 'currencies: unknown key "dollar"'),
    ('[currencies.usd]\nwords = ["달라"]', 'currencies: unknown key "usd"'),
    ('[currencies.USD]\nwordz = ["달라"]', 'currencies.USD: unknown key "wordz"'),
    ('sources = { "" = "national" }', 'sources: expected a non-empty name as a key, got ""'),
]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("toml", "key", "expected"), WRONG, ids=[w[0] for w in WRONG])
def test_every_key_with_a_wrong_type(tmp_path, toml, key, expected):
    path = write(tmp_path / ".fundparse.toml", toml + "\n")
    message = config_error(path)
    assert message.startswith(f"{path.resolve()}: {key}: expected "), message
    assert expected in message and ", got " in message, message


@pytest.mark.parametrize(("toml", "key", "expected"), WRONG, ids=[w[0] for w in WRONG])
def test_the_same_under_tool_fundparse_in_pyproject(tmp_path, toml, key, expected):
    lines = toml.splitlines()
    body = "\n".join(f"[[tool.fundparse.{line[2:]}" if line.startswith("[[") else
                     f"[tool.fundparse.{line[1:]}" if line.startswith("[") else line
                     for line in lines)
    if not lines[0].startswith("["):
        body = "[tool.fundparse]\n" + body
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n' + body + "\n")
    message = config_error(path)
    assert message.startswith(f"{path.resolve()}: {key}: expected "), message


@pytest.mark.parametrize(("toml", "phrase"), UNKNOWN, ids=[u[0] for u in UNKNOWN])
def test_unknown_keys_and_codes_at_every_level(tmp_path, toml, phrase):
    path = write(tmp_path / ".fundparse.toml", toml + "\n")
    message = config_error(path)
    assert message.startswith(f"{path.resolve()}: ") and phrase in message, message


def test_a_data_file_is_checked_and_named(tmp_path):
    write(tmp_path / ".fundparse.toml", 'data = ["words/ours.toml"]\n')
    data = write(tmp_path / "words" / "ours.toml", "[scales]\nbillion = \"lots\"\n")
    message = config_error(tmp_path / ".fundparse.toml")
    assert f"data file {data}: scales.billion: expected a positive integer" in message
    write(data, 'select = ["FP1"]\n')   # options belong in the config, not in a data file
    assert 'data file' in config_error(tmp_path / ".fundparse.toml")


def test_a_good_configuration_loads_and_takes_effect(tmp_path):
    write(tmp_path / ".fundparse.toml", """
ignore = ["FP301"]
select = ["FP1", "FP2"]
per-file-ignores = { "drafts/*.txt" = ["FP401"] }
lang = "en"
data = ["ours.toml"]

[sources]
"광역비" = "provincial"
"민간투자금" = "private+self"

[currencies.USD]
words = ["달라"]

[markers.approximate]
before = ["대충"]

[scales]
zillion = 1000000000000000

[forms.sum]
total_cues = ["통틀어"]
""")
    write(tmp_path / "ours.toml", '[money_words]\nverbs = ["쏟아붓"]\n')
    config = load_config(tmp_path / ".fundparse.toml")
    assert config.lang == "en" and config.ignore == ("FP301",)
    assert config.extensions["forms"] == {"sum": {"total_cues": ["통틀어"]}}
    (m,) = fundparse.extract("대충 5달라를 냈다", config=config)
    assert (m.currency, m.value, m.approximate) == ("USD", Decimal(5), True)


def test_a_plain_mapping_is_checked_too():
    with pytest.raises(ConfigError, match=r"^markers\.approximate\.before\[0\]: expected a non-empty"):
        Config.from_mapping({"markers": {"approximate": {"before": [""]}}})


# --- the lookup on the way up --------------------------------------------------------------------

def test_invalid_toml_in_a_pyproject_on_the_way_up_is_an_error(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.fundparse\nignore = [\"FP101\"]\n")
    doc = write(tmp_path / "news" / "a.txt", RELEASE)
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML: .*line 1"):
        find_config(doc)


def test_tool_that_is_not_a_table(tmp_path):
    write(tmp_path / "pyproject.toml", 'tool = "x"\n')
    doc = write(tmp_path / "a.txt", RELEASE)
    with pytest.raises(ConfigError, match=r'pyproject\.toml: tool: expected a table, got a string "x"'):
        find_config(doc)
    write(tmp_path / "pyproject.toml", '[tool]\nfundparse = 3\n')
    with pytest.raises(ConfigError, match=r"tool\.fundparse: expected a table, got the integer 3"):
        load_config(tmp_path / "pyproject.toml")


def test_non_utf8_config_files(tmp_path):
    write(tmp_path / "pyproject.toml", b'[project]\nname = "caf\xe9"\n')   # Latin-1
    doc = write(tmp_path / "a.txt", RELEASE)
    with pytest.raises(ConfigError, match=r"pyproject\.toml: cannot read: not UTF-8"):
        find_config(doc)
    (tmp_path / "pyproject.toml").unlink()
    write(tmp_path / ".fundparse.toml", b'lang = "\xffen"\n')
    with pytest.raises(ConfigError, match=r"\.fundparse\.toml: cannot read: not UTF-8"):
        find_config(doc)


@pytest.mark.parametrize("kind", ["fifo", "device", "huge", "latin-1"])
def test_data_files_that_cannot_be_read_safely(tmp_path, kind):
    write(tmp_path / ".fundparse.toml", 'data = ["ours.toml"]\n')
    data = tmp_path / "ours.toml"
    if kind == "fifo":
        os.mkfifo(data)          # no writer: reading would block for ever
        phrase = "not a regular file"
    elif kind == "device":
        data.symlink_to("/dev/zero")   # reading would never end
        phrase = "not a regular file"
    elif kind == "huge":
        with open(data, "wb") as handle:
            handle.truncate(5 << 20)
        phrase = "too big: 5,242,880 bytes (at most 4 MiB)"
    else:
        write(data, b'[sources]\n"\xb1\xa4\xbf\xaa\xba\xf1" = "provincial"\n')   # EUC-KR
        phrase = "not UTF-8"
    message = config_error(tmp_path / ".fundparse.toml")
    assert "data file" in message and "ours.toml: cannot read: " + phrase in message, message


# --- rates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase"), [
    ("XYZ=1", "unknown currency XYZ"),
    ("KRW=1", "unknown currency KRW"),
    ("USD=1e999999", "out of range"),
    ("USD=1e-999999", "out of range"),
    ("USD=0.0000001", "out of range"),
    ("USD=" + "1" * 31, "out of range"),
    ("USD=abc", "not a number"),
    ("USD=-3", "positive number"),
    ("USD", "must look like USD=1380.5"),
])
def test_bad_rates(text, phrase):
    with pytest.raises(RateError, match=phrase):
        parse_rate(text)


def test_good_rates():
    assert parse_rate("usd = 1380.5") == ("USD", Decimal("1380.5"))
    assert parse_rate("JPY=9.12") == ("JPY", Decimal("9.12"))
    assert parse_rate("IDR=0.085") == ("IDR", Decimal("0.085"))


@pytest.mark.parametrize("kind", ["fifo", "device", "huge", "latin-1", "bad-row"])
def test_rate_files_that_cannot_be_read_safely(tmp_path, kind):
    path = tmp_path / "rates.csv"
    if kind == "fifo":
        os.mkfifo(path)
        phrase = "not a regular file"
    elif kind == "device":
        path.symlink_to("/dev/zero")
        phrase = "not a regular file"
    elif kind == "huge":
        with open(path, "wb") as handle:
            handle.truncate(65 << 20)
        phrase = r"too big: .* \(at most 64 MiB\)"
    elif kind == "latin-1":
        write(path, b"date,currency,rate\n2024-01-01,USD,1380\n# caf\xe9\n")
        phrase = "not UTF-8"
    else:
        write(path, "date,currency,rate\n2024-01-01,USD,1e999999\n")
        phrase = "rates.csv:2: rate for USD out of range"
    with pytest.raises(RateError, match=phrase) as info:
        RateTable.from_csv(path)
    assert "\n" not in str(info.value)


# --- the command: exit 2, never 3 ----------------------------------------------------------------

COMMAND_CASES = {
    "tool-string": ({"pyproject.toml": 'tool = "x"\n'}, 'tool: expected a table'),
    "invalid-pyproject": ({"pyproject.toml": "[tool.fundparse\n"}, "invalid TOML"),
    "latin-1-pyproject": ({"pyproject.toml": b'[project]\nname = "caf\xe9"\n'}, "not UTF-8"),
    "empty-word": ({".fundparse.toml": '[markers.approximate]\nbefore = [""]\n'},
                   "markers.approximate.before[0]: expected a non-empty string"),
    "words-string": ({".fundparse.toml": '[currencies.USD]\nwords = "달라"\n'},
                     "currencies.USD.words: expected an array"),
    "scales-lots": ({".fundparse.toml": '[scales]\nbillion = "lots"\n'}, "scales.billion"),
    "ignore-string": ({".fundparse.toml": 'ignore = "FP101"\n'}, "ignore: expected an array"),
    "data-fifo": ({".fundparse.toml": 'data = ["d.toml"]\n', "d.toml": "fifo"}, "not a regular file"),
    "data-zero": ({".fundparse.toml": 'data = ["/dev/zero"]\n'}, "not a regular file"),
    "data-latin-1": ({".fundparse.toml": 'data = ["d.toml"]\n', "d.toml": b"# caf\xe9\n"},
                     "not UTF-8"),
}


@pytest.mark.parametrize("case", list(COMMAND_CASES))
@pytest.mark.parametrize("command", ["check", "extract"])
def test_the_command_exits_2_with_one_line(cli, tmp_path, case, command):
    files, phrase = COMMAND_CASES[case]
    for name, content in files.items():
        if content == "fifo":
            os.mkfifo(tmp_path / name)
        else:
            write(tmp_path / name, content)
    write(tmp_path / "news" / "a.txt", RELEASE)
    write(tmp_path / "news" / "b.txt", RELEASE)
    done = cli(command, tmp_path / "news")
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("fundparse: ") and phrase in line and "internal error" not in line, line


@pytest.mark.parametrize(("args", "phrase"), [
    (["--rate", "XYZ=1"], "unknown currency XYZ"),
    (["--rate", "USD=1e999999"], "rate for USD out of range"),
    (["--rates", "/dev/zero"], "not a regular file"),
])
def test_the_command_refuses_bad_rates_with_exit_2(cli, tmp_path, args, phrase):
    doc = write(tmp_path / "a.txt", "$100~$200를 냈다\n")
    done = cli("extract", *args, doc)
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert phrase in line and "internal error" not in line, line


def test_the_command_refuses_a_rates_fifo_without_blocking(cli, tmp_path):
    os.mkfifo(tmp_path / "rates.csv")
    doc = write(tmp_path / "a.txt", "$100~$200를 냈다\n")
    done = cli("extract", "--rates", tmp_path / "rates.csv", doc)
    assert done.returncode == 2 and "not a regular file" in done.stderr
