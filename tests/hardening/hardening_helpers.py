"""Shared assertions for the hardening tests: one clean error line, no traceback."""

from __future__ import annotations

from click.testing import Result

ARTICLE = (
    "Harbour Bridge Reopens After Repairs\n\n"
    "The harbour bridge reopened to traffic on Monday after six weeks of repairs. "
    "City engineers said the work cost $4.2 million, less than the council had feared. "
    "Commuters had faced detours of up to forty minutes while the bridge was closed.\n\n"
    "The transport director, Ms. Alvarez, thanked residents for their patience. "
    "A second phase of work on the footpaths is planned for next spring."
)


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("error: ")]


def assert_clean_error(result: Result, code: int, *needles: str) -> str:
    """Exit ``code``, exactly one ``error: ...`` line holding every needle, and no traceback."""
    output = result.output
    assert result.exit_code == code, output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    assert result.stdout == "", "errors go to stderr, stdout stays clean for pipes"
    (line,) = error_lines(result.stderr)
    for needle in needles:
        assert needle in line, f"{needle!r} not in {line!r}"
    return line


def assert_usage_error(result: Result, *needles: str) -> None:
    """typer/click usage errors: exit 2, the option named, no traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.stderr, f"{needle!r} not in {result.stderr!r}"
