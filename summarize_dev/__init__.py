"""Training and evaluation code for `models/` and `bench/`: not part of the installed package.

It reads the evaluation data sets (BABE's loader reads AGPL-3.0 data), cross-validates and fits
the small heads; the wheel ships only `summarize/`. The scripts put the project root on
`sys.path` to import it; the tests get it from pytest's `pythonpath`.
"""
