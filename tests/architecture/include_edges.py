#!/usr/bin/env python3
"""Fails on an #include that crosses an edge DESIGN 6 forbids.

Every target can include any file under src/ (one include root), so the build alone
would let a struct or an inline function cross a forbidden edge unnoticed. This reads
every include of every file under src/ and checks it against the allowed edges below.

  include_edges.py SRC_DIR          check the tree; exit 1 naming each bad include
  include_edges.py --self-test      check that a forbidden include is caught
"""
import pathlib
import re
import sys
import tempfile

# module -> the modules its files may include (its own always). Dependencies point
# inward: cli, server -> app -> activity, store, content -> core -> base.
ALLOWED = {
    "base": set(),
    "core": {"base"},
    "content": {"core", "base"},
    "activity": {"base"},
    "store": {"core", "base"},
    "app": {"activity", "store", "content", "core", "base"},
    "server": {"app", "content", "core", "activity", "base"},
    "cli": {"server", "app", "content", "core", "activity", "base"},
}

WHY = {
    "store": "the fronts reach the store only through app's facade (app/app.h)",
    "app": "only the fronts use the app",
    "server": "only the CLI starts the server",
    "cli": "nothing depends on the command line",
}

# System headers that belong to one module: the database's client library stays in store,
# so no SQL is written anywhere else.
OWNED_SYSTEM_HEADERS = {"sqlite3.h": "store", "libpq-fe.h": "store"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def check(src: pathlib.Path) -> list[str]:
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cc") or not path.is_file():
            continue
        module = path.relative_to(src).parts[0]
        if module not in ALLOWED:
            problems.append(f"{path}: module '{module}' is not in the table of DESIGN 6")
            continue
        allowed = ALLOWED[module] | {module}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            quote, target = match.groups()
            where = f"{path.relative_to(src.parent)}:{number}"
            if quote == "<":
                owner = OWNED_SYSTEM_HEADERS.get(target)
                if owner and owner != module:
                    problems.append(f"{where}: {module} may not include <{target}> "
                                    f"(it belongs to {owner})")
                continue
            used = target.split("/")[0] if "/" in target else module
            if used in ALLOWED and used not in allowed:
                reason = WHY.get(used, f"{module} may include only "
                                 f"{', '.join(sorted(allowed - {module})) or 'nothing of ours'}")
                problems.append(f'{where}: {module} may not include "{target}" ({reason})')
    return problems


def self_test() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "src"
        for module in ALLOWED:
            (src / module).mkdir(parents=True)
        (src / "core" / "ok.h").write_text('#include "base/result.h"\n#include <vector>\n')
        (src / "cli" / "bad.cc").write_text('#include "app/app.h"\n#include "store/store.h"\n')
        (src / "app" / "sql.cc").write_text("#include <sqlite3.h>\n")
        problems = check(src)
        expected = ['src/cli/bad.cc:2: cli may not include "store/store.h"',
                    "src/app/sql.cc:1: app may not include <sqlite3.h>"]
        for text in expected:
            if not any(p.startswith(text) for p in problems):
                print(f"self-test: not caught: {text}\ngot: {problems}")
                return 1
        if len(problems) != len(expected):
            print(f"self-test: unexpected problems: {problems}")
            return 1
    print("self-test: forbidden includes are caught")
    return 0


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    problems = check(pathlib.Path(sys.argv[1]))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} include(s) cross an edge DESIGN 6 forbids")
        return 1
    print("every include follows DESIGN 6")
    return 0


if __name__ == "__main__":
    sys.exit(main())
