"""Batch scoring: many articles in, one JSONL/CSV/Parquet result set out, resumable.

- ``items``: find the articles in folders, globs, JSONL and CSV files (lazily).
- ``work``: what a worker process does to one article (read and split; analyse).
- ``records``: the JSONL records (result, duplicate, error).
- ``row``: the flat CSV/Parquet row of a record, with a fixed column set.
- ``writers``: append-only writers that resume after a kill.
- ``runner``: the local engine (process pool, encoder batches in the main process).
- ``ray_engine``: the same pipeline on Ray Data.
"""
