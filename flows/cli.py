"""planwatch command line: `planwatch run`, `planwatch extract`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _cmd_extract(args: argparse.Namespace) -> int:
    from flows.extract import extract_document
    from flows.ingest import ingest_file

    out = sys.stdout
    failed = 0
    for name in args.files:
        try:
            doc = ingest_file(Path(name))
        except Exception as exc:  # one unreadable file must not hide the others
            print(f"planwatch extract: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        records = extract_document(doc)
        if args.format == "jsonl":
            for r in records:
                out.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        else:
            for r in records:
                label = r.indicator or r.name or r.category or ""
                figure = r.value if r.value is not None else (r.value_min, r.value_max)
                out.write(f"{r.doc}\t{r.type}\t{r.start}-{r.end}\t{label}\t{r.comparator or r.stage or ''}\t{figure}\t{r.unit or ''}\t{r.text}\n")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the records extracted from report files")
    ex.add_argument("files", nargs="+", help="report files (.txt, .html, .docx, .pdf)")
    ex.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ex.set_defaults(func=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
