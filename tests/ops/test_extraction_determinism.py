"""Extraction gives the same records in every process: the precondition for running it on Dask workers.

Python randomises string hashing per process (PYTHONHASHSEED), so anything that iterates a set of
words where order matters would make two workers disagree. Seeds 1 and 4 told apart a project
record of hunan_2026_gwr before the residue words were sorted by length and then by text.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

DIGEST = """
import hashlib, sys
from pathlib import Path
from flows.reports import process_report
digest = hashlib.sha256()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    processed = process_report(path)
    digest.update(repr((processed.records, processed.unread)).encode("utf-8"))
print(digest.hexdigest())
"""


def test_records_do_not_depend_on_the_process_hash_seed(corpus_dir):
    digests = set()
    for seed in ("1", "4"):
        done = subprocess.run([sys.executable, "-c", DIGEST, str(corpus_dir / "reports")], capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        digests.add(done.stdout.strip())
    assert len(digests) == 1
