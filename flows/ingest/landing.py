"""The landing folder is the only place files are read from.

A symbolic link in `reports/` or `feeds/` (to a file or a folder) that leads outside the landing
folder is refused: following it would let whoever can drop a link there publish any file the
pipeline's user can read (/etc/passwd, another tenant's data). Links that stay inside the landing
folder are fine. A landing folder that does not exist is an error, not "0 reports".
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class LandingNotFound(FileNotFoundError):
    """The landing folder given (or configured) does not exist."""


def require_landing(landing_dir: Path) -> None:
    """Raise `LandingNotFound` with a message a user can act on when `landing_dir` is not a folder."""
    if landing_dir.is_dir():
        return
    what = "is not a folder" if landing_dir.exists() else "does not exist"
    raise LandingNotFound(
        f"the landing folder {landing_dir} {what}; give an existing folder with reports/ and feeds/ "
        f"(--landing DIR or PLANWATCH_LANDING)")


def is_inside(path: Path, root: Path) -> bool:
    """True when `path`, with every link on the way followed, stays inside `root`.

    `root` itself may be a link (a landing folder on another disk); only links below it count.
    """
    real_root = Path(os.path.realpath(root))
    try:
        real = Path(os.path.realpath(path))
    except (OSError, RuntimeError):  # a link loop
        return False
    return real == real_root or real_root in real.parents


@dataclass(frozen=True)
class OutsideLink:
    path: Path  # the link inside the landing folder
    target: str  # where it leads, as the link says it

    @property
    def reason(self) -> str:
        kind = "folder" if self.path.is_dir() else "file"
        return (f"refused: a symbolic link to a {kind} outside the landing folder ({self.target}); only files "
                f"inside the landing folder are read. Copy the file into the landing folder instead")


@dataclass(frozen=True)
class StrayFile:
    path: Path
    reason: str


def stray_report_files(reports_dir: Path, report_suffixes: tuple[str, ...]) -> list[StrayFile]:
    """Files in `reports/` that will not be read, so nobody believes they were: other formats, sidecars
    without their report. Hidden files (editors' temporaries) and links leaving landing (listed apart)
    are left out."""
    if not reports_dir.is_dir():
        return []
    names = {p.name for p in reports_dir.iterdir()}
    stray = []
    for path in sorted(reports_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file() or not is_inside(path, reports_dir.parent):
            continue
        if path.name.endswith(".meta.json"):
            stem = path.name.removesuffix(".meta.json")
            if stem not in names and not any(stem + s in names for s in report_suffixes):
                stray.append(StrayFile(path, f"metadata sidecar without its report: no report named {stem} "
                                             f"(with one of {', '.join(report_suffixes)}) beside it"))
        elif path.suffix.lower() not in report_suffixes:
            stray.append(StrayFile(path, f"not a report format ({path.suffix or 'no suffix'}): planwatch reads "
                                         f"{', '.join(report_suffixes)}; convert the file or remove it"))
    return stray


def links_leaving(landing_dir: Path) -> list[OutsideLink]:
    """Every symbolic link under `landing_dir` (not followed) whose target lies outside it."""
    found: list[OutsideLink] = []
    if not landing_dir.is_dir():
        return found
    for folder, dirs, files in os.walk(landing_dir, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink() and not is_inside(path, landing_dir):
                found.append(OutsideLink(path, os.readlink(path)))
    return sorted(found, key=lambda link: str(link.path))
