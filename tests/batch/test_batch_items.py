"""Finding the articles of a batch: folders, globs, JSONL and CSV, ids and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.batch.items import Fields, count_items, expand_inputs, iter_items
from summarize.errors import UsageError

from .conftest import ARTICLES, write_csv, write_jsonl


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden_and_other_suffixes(
    mixed_corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed_corpus["folder"].parent)
    items = list(iter_items(expand_inputs(["corpus"])))
    assert [i.id for i in items] == [
        "corpus/bridge.txt",
        "corpus/empty.txt",
        "corpus/nested/bridge-copy.txt",
        "corpus/nested/council.md",
        "corpus/nested/storm.html",
    ]
    assert all(i.path == i.id and i.text is None and i.error is None for i in items)


def test_jsonl_rows_carry_id_text_and_metadata_and_bad_lines_become_errors(
    mixed_corpus: dict[str, Path],
) -> None:
    items = list(iter_items([mixed_corpus["jsonl"]]))
    name = mixed_corpus["jsonl"].as_posix()
    assert [i.id for i in items] == ["m1", f"{name}:2", "x2"]
    good, malformed, no_text = items
    assert good.text == ARTICLES["match"]
    assert good.metadata == {"outlet": "Daily", "year": 2024}
    assert good.input == f"{name}:1"
    assert malformed.error is not None and "malformed JSON" in malformed.error
    assert no_text.error is not None and "--text-field" in no_text.error
    assert no_text.metadata == {"body": "no text field here"}


def test_custom_id_and_text_fields_and_missing_ids_fall_back_to_line_numbers(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [{"doc": "d1", "body": "One. Two."}, {"body": "Three. Four.", "lang": "en"}],
    )
    items = list(iter_items([path], Fields(id="doc", text="body")))
    assert [i.id for i in items] == ["d1", f"{path.as_posix()}:2"]
    assert items[1].metadata == {"lang": "en"}


def test_csv_rows_and_a_csv_without_the_text_column(tmp_path: Path) -> None:
    good = write_csv(
        tmp_path / "good.csv", ["id", "text", "outlet"], [["a", "Text one.", "X"], ["", "Text two.", "Y"]]
    )
    items = list(iter_items([good]))
    assert [(i.id, i.text, i.metadata) for i in items] == [
        ("a", "Text one.", {"outlet": "X"}),
        (f"{good.as_posix()}:2", "Text two.", {"outlet": "Y"}),
    ]
    bad = write_csv(tmp_path / "bad.csv", ["id", "body"], [["a", "Text."]])
    (only,) = list(iter_items([bad]))
    assert only.error is not None and "no 'text' column" in only.error and "--text-field" in only.error


def test_globs_expand_sorted_and_missing_inputs_are_usage_errors(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("Some text. More text.", encoding="utf-8")
    assert [p.name for p in expand_inputs([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    with pytest.raises(UsageError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.pdf")])
    with pytest.raises(UsageError, match="no such file"):
        expand_inputs([str(tmp_path / "missing.txt")])


def test_count_items_matches_what_iter_items_yields(mixed_corpus: dict[str, Path]) -> None:
    paths = expand_inputs([str(p) for p in mixed_corpus.values()])
    assert count_items(paths) == len(list(iter_items(paths)))


def test_folders_leave_out_readme_license_and_changelog_files_and_say_which(tmp_path: Path) -> None:
    from summarize.batch.items import FolderFiles

    folder = tmp_path / "samples"
    (folder / "docs").mkdir(parents=True)
    project_files = (
        "README.md", "LICENSE.txt", "CHANGELOG.md", "docs/code-of-conduct.md", "Contributing.rst.txt"
    )
    for name in project_files:
        (folder / name).write_text("# Project notes\n\nInstall with pip. Not an article.", encoding="utf-8")
    (folder / "harbour-vote.txt").write_text(ARTICLES["council"], encoding="utf-8")
    (folder / "readme-for-editors-story.txt").write_text(ARTICLES["storm"], encoding="utf-8")  # an article

    found = FolderFiles()
    items = list(iter_items([folder], folder_files=found))
    base = folder.as_posix()
    assert [i.id for i in items] == [f"{base}/harbour-vote.txt", f"{base}/readme-for-editors-story.txt"]
    assert found.taken == 2
    assert sorted(found.skipped) == sorted(f"{base}/{name}" for name in project_files)
    assert count_items([folder]) == 2
    # --all-files takes them; a file named as an INPUT is always taken.
    assert len(list(iter_items([folder], all_files=True))) == count_items([folder], all_files=True) == 7
    assert [i.id for i in iter_items([folder / "README.md"])] == [f"{base}/README.md"]
