"""Fail when a function in summarize/ is over cyclomatic complexity 15 (radon's measure).

Usage: python .ci/complexity.py [limit] [paths...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from radon.complexity import cc_visit


def over_limit(paths: list[Path], limit: int) -> list[str]:
    found = []
    for path in paths:
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            for block in cc_visit(file.read_text(encoding="utf-8")):
                if block.complexity > limit:
                    found.append(f"{file}:{block.lineno} {block.name} {block.complexity}")
    return found


def main(argv: list[str]) -> int:
    limit = int(argv[0]) if argv else 15
    paths = [Path(p) for p in argv[1:]] or [Path("summarize")]
    found = over_limit(paths, limit)
    for line in found:
        print(line)
    print(f"{len(found)} functions over complexity {limit}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
