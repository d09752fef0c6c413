"""TAB: countries by any name or code, document and event ids, speakers; the completion files are up to date."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bilat import cli, completion
from conftest import ROOT

BIN = Path(sys.executable).parent


def tab(*words, shell="bash", cache=None):
    """What `bilat WORDS<TAB>` offers, through a real start of bilat as the shell's script calls it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BILAT_", "_BILAT", "_TYPER"))}
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    line = " ".join(("bilat",) + words)
    if shell == "bash":
        env.update(_BILAT_COMPLETE="complete_bash", COMP_WORDS=line, COMP_CWORD=str(len(words)))
    else:
        env.update(_BILAT_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS=line)
    proc = subprocess.run([sys.executable, "-m", "bilat"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and proc.stderr == ""
    return [line for line in proc.stdout.splitlines() if line]


@pytest.mark.parametrize(("typed", "first"), [("tur", "Türkiye"), ("turkey", "Türkiye"), ("TR", "Türkiye"), ("Türk", "Türkiye"),
                                              ("hun", "Hungary"), ("HU", "Hungary"), ("kor", "South Korea"), ("cote", "Côte d'Ivoire")])
def test_a_country_completes_by_name_short_name_and_codes_in_any_case(typed, first, monkeypatch):
    monkeypatch.delenv("_BILAT_COMPLETE", raising=False)
    assert completion.countries(typed)[0] == first


def test_every_country_a_prefix_names_is_offered(monkeypatch):
    monkeypatch.delenv("_BILAT_COMPLETE", raising=False)
    assert {"Türkiye", "Turkmenistan"} <= set(completion.countries("Tur"))
    assert {"United Kingdom", "United States", "United Arab Emirates"} <= set(completion.countries("united"))
    assert {"South Korea", "North Korea"} <= set(completion.countries("korea"))  # an ambiguous name offers both
    assert completion.countries("xq") == []


def test_bash_gets_multi_word_names_escaped_as_one_word():
    offered = tab("pair", "Uni")
    assert "United\\ Kingdom" in offered and "United Kingdom" not in offered
    assert tab("pair", "tur")[0] == "Türkiye" and tab("list", "--country", "hun") == ["Hungary"]
    assert tab("pair", '"United K') == ["United\\ Kingdom"]  # a quote the user opened


def test_zsh_gets_names_whole():
    assert '"United Kingdom"' in "\n".join(tab("pair", "Uni", shell="zsh"))


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
def test_the_bash_script_puts_a_multi_word_name_in_one_word():
    script = (ROOT / "completions" / "bilat.bash").read_text(encoding="utf-8")
    probe = script + '\nCOMP_WORDS=(bilat pair \'"United K\'); COMP_CWORD=2; _bilat_completion bilat; printf "%s\\n" "${COMPREPLY[@]}"\n'
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BILAT_", "_BILAT"))}
    proc = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True,
                          env={**env, "PATH": f"{BIN}{os.pathsep}{env['PATH']}"})
    assert proc.stdout.splitlines() == ["United\\ Kingdom"]


@pytest.fixture
def indexed(tmp_path):
    """A corpus of invented articles, indexed in its own cache as a query leaves it."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "athens-wire.txt").write_text(
        " date 2024-09-12 Greek Defence Minister Petros Alvanakis and his Cypriot counterpart Loukas Feronides signed "
        "a defence cooperation programme in Nicosia.\n\n\"Our navies are one team,\" Alvanakis said.\n", encoding="utf-8")
    (folder / "athens-weekly.txt").write_text(
        " date 2024-10-01 Greece and Cyprus held a joint naval exercise off Limassol.\n\n"
        "\"The drill showed that our two navies can work as one team at sea,\" said Cypriot Defence Minister "
        "Loukas Feronides.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    subprocess.run([sys.executable, "-m", "bilat", "index", "--corpus", str(folder)], check=True, env=env, capture_output=True)
    return folder, cache


def test_show_completes_document_ids_then_event_ids(indexed):
    folder, cache = indexed
    assert tab("show", "--corpus", str(folder), "athens", cache=cache) == ["athens-weekly", "athens-wire"]
    assert tab("show", "--corpus", str(folder), "athens-wire#", cache=cache) == ["athens-wire#0"]
    assert tab("show", "--corpus", str(folder), "nothing", cache=cache) == []


def test_speaker_completes_from_the_quotes_of_the_index(indexed):
    folder, cache = indexed
    assert tab("quote", "--corpus", str(folder), "--speaker", "alv", cache=cache) == ["Petros\\ Alvanakis"]
    assert tab("quote", "--corpus", str(folder), "--speaker", "", cache=cache) == ["Loukas\\ Feronides", "Petros\\ Alvanakis"]


def test_without_an_index_ids_and_speakers_offer_nothing(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert tab("show", "--corpus", str(folder), "a", cache=tmp_path / "cache") == []
    assert tab("quote", "--corpus", str(folder), "--speaker", "a", cache=tmp_path / "cache") == []
    assert not (tmp_path / "cache").exists()  # a TAB never builds an index


def test_completion_files_are_what_the_app_generates():
    proc = subprocess.run([sys.executable, str(ROOT / "completions" / "generate.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_every_completed_parameter_is_wired():
    command = cli._completing(cli.app)
    names = {p.name for sub in command.commands.values() for p in sub.params if getattr(p, "_custom_shell_complete", None)}
    assert {"countries", "first", "second", "wanted", "speaker"} <= names
