"""Refresh the test-only JavaScript we vendor from the npm registry, at pinned versions.

The book itself vendors nothing: its widget loader (widgets/runtime/anywidget-static.js) is
our own code. The tests use axe-core for the accessibility audit and gift-pegjs (an
independent GIFT grammar) to parse the Moodle export; they are kept in the repo so a CI
machine needs no network for them, and this script records version, sha256 and licence.

    python tools/vendor.py          # fetch the pinned versions and rewrite the manifest
    python tools/vendor.py --check  # verify the files on disk against the manifest
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile

from widgets.paths import REPO_ROOT as ROOT

VENDOR_DIR = ROOT / "tests" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"
# name -> (pinned version, files to keep from the npm tarball's package/ folder)
PACKAGES = {
    "axe-core": ("4.10.3", ["axe.min.js", "LICENSE"]),
    # The PEG.js-generated parser is self-contained (its pegjs dependency only builds it).
    "gift-pegjs": ("1.0.2", ["lib/gift-parser.js", "LICENSE"]),
}


def sha256(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(name: str, version: str, keep: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        packed = subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--json", "--silent"],
            cwd=scratch,
            check=True,
            capture_output=True,
            text=True,
        )
        info = json.loads(packed.stdout)[0]
        target = VENDOR_DIR / name
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(pathlib.Path(scratch) / info["filename"]) as tarball:
            for filename in keep:
                member = tarball.extractfile(f"package/{filename}")
                (target / filename).parent.mkdir(parents=True, exist_ok=True)
                (target / filename).write_bytes(member.read())
    license_name = subprocess.run(
        ["npm", "view", f"{name}@{version}", "license"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return {
        "version": version,
        "license": license_name,
        "tarball_integrity": info.get("integrity"),
        "files": {f"{name}/{f}": sha256(VENDOR_DIR / name / f) for f in keep},
    }


def check() -> list[str]:
    manifest = json.loads(MANIFEST.read_text())
    problems = []
    for name, (version, _keep) in PACKAGES.items():
        entry = manifest.get(name)
        if not entry or entry["version"] != version:
            problems.append(f"{name}: manifest has {entry and entry['version']}, pinned {version}; run make vendor")
            continue
        for relative, digest in entry["files"].items():
            path = VENDOR_DIR / relative
            if not path.exists() or sha256(path) != digest:
                problems.append(f"{relative}: missing or sha256 differs from {MANIFEST.name}; run make vendor")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify files against the manifest")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "vendored files match the manifest")
        return 1 if problems else 0
    manifest = {name: fetch(name, version, keep) for name, (version, keep) in PACKAGES.items()}
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(json.dumps(manifest, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
