"""Batch scoring: many articles in, one JSONL/CSV/Parquet result set out, resumable.

- ``items``: find the articles in folders, globs, JSONL and CSV files (lazily).
- ``work``: what a worker process does (read and split an article; analyse a chunk).
- ``encoding``: the encoder work of a chunk of articles, batched across them.
- ``records``: the JSONL records (result, duplicate, error).
- ``row``: the flat CSV/Parquet row of a record, with a fixed column set.
- ``writers``: append-only writers that resume after a kill.
- ``runner``: the local engine (process pool; each worker encodes and analyses chunks).
- ``ray_engine``: the same pipeline on Ray Data.
"""
