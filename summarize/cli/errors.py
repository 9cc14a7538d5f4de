"""One place that turns failures into a one-line message and a documented exit code."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from summarize.errors import ExitCode, SummarizeError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=int(code))


def handle_errors(func: F) -> F:
    """Run a command; map our errors, Ctrl-C and bugs to messages and exit codes."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SummarizeError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(code=int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly, like other Unix tools.
            from summarize.cli.pipes import silence_stdout

            silence_stdout()
            raise typer.Exit(code=0) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("SUMMARIZE_DEBUG"):
                raise
            raise fail(
                f"internal error: {type(exc).__name__}: {exc}. "
                "Rerun with SUMMARIZE_DEBUG=1 for a traceback and please report it",
                ExitCode.INTERNAL,
            ) from None

    return wrapper  # type: ignore[return-value]
