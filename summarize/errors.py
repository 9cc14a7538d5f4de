"""The project's own errors. Each carries a documented exit code and a one-line message.

The CLI prints ``error: <message>`` and exits with ``exit_code``; no traceback.
Messages name the input and, where there is one, the command that fixes it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1  # a bug: please report it
    USAGE = 2  # bad option or value (also typer's own code)
    INPUT = 3  # input missing, unreadable, a directory, binary, too large
    EMPTY = 4  # input readable but holds no text to analyse
    NETWORK = 5  # URL unreachable, timed out, HTTP error, wrong content type
    MODEL = 6  # model unknown, missing, incomplete or unsafe
    OUTPUT = 7  # output exists (use --force) or cannot be written
    LEXICON = 8  # a lexicon file is malformed
    BATCH_PARTIAL = 10  # batch: some articles failed
    BATCH_FAILED = 11  # batch: every article failed
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # batch: stopped by SIGTERM (128 + SIGTERM), e.g. a scheduler's time limit


class SummarizeError(Exception):
    """Base class: an error the user can act on."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(SummarizeError):
    exit_code = ExitCode.USAGE


class InputError(SummarizeError):
    exit_code = ExitCode.INPUT


class EmptyInputError(SummarizeError):
    exit_code = ExitCode.EMPTY


class NetworkError(SummarizeError):
    exit_code = ExitCode.NETWORK


class ModelError(SummarizeError):
    exit_code = ExitCode.MODEL


class OutputError(SummarizeError):
    exit_code = ExitCode.OUTPUT


class LexiconError(SummarizeError):
    exit_code = ExitCode.LEXICON
