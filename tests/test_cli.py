"""The command line: help that teaches, clean errors, extract -> validate round trip."""

from __future__ import annotations

import pytest

from events.cli import build_parser, main


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_help_opens_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out.split("\n\n")[1] or "example" in out[:600]
    assert "conflict-events " + command in out


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "extract" in capsys.readouterr().err


def test_user_error_is_one_line_without_traceback(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "missing.txt"), "--published", "2023-13-45", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "--published" in err


def test_missing_input_is_a_problem_and_exit_1(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.csv")])
    err = capsys.readouterr().err
    assert code == 1 and "no such file" in err


def test_schema_check_passes():
    assert main(["schema", "--check"]) == 0
