"""The `summarize` command line (``summarize.cli.app``).

Set before numpy loads: one article's encoder matrix products (a few hundred tokens) run on
one BLAS thread. A second OpenBLAS thread mostly spins at each product's barrier on a loaded
machine: measured on the shared 2-core machine, ten SummEval articles' sentences took 3.3 CPU s
and 6.2 s wall with two threads against 2.3 CPU s and 3.4 s wall with one.
OPENBLAS_NUM_THREADS, if set, wins.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
