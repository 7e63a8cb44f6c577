"""Refresh the JavaScript we vendor from the npm registry, at pinned versions.

Each package sits in its own folder beside a manifest.json (version, sha256, licence):
- ts-fsrs (widgets/vendor/): the review deck's scheduler. The deck's ES module inlines its
  ES build (widgets/_base.py), so neither the book nor JupyterLab needs a network for it.
- axe-core (tests/vendor/): the accessibility audit, test-only, kept so CI needs no network.
- gift-pegjs (tests/vendor/): an independent GIFT grammar the tests parse the Moodle export
  with (test-only; its PEG.js-generated parser is self-contained).

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

TEST_VENDOR_DIR = ROOT / "tests" / "vendor"
BOOK_VENDOR_DIR = ROOT / "widgets" / "vendor"
# name -> (pinned version, files to keep from the npm tarball's package/ folder, vendor folder)
PACKAGES = {
    "axe-core": ("4.10.3", ["axe.min.js", "LICENSE"], TEST_VENDOR_DIR),
    "ts-fsrs": ("5.4.2", ["dist/index.mjs", "LICENSE"], BOOK_VENDOR_DIR),
    "gift-pegjs": ("1.0.2", ["lib/gift-parser.js", "LICENSE"], TEST_VENDOR_DIR),
}


def sha256(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(name: str, version: str, keep: list[str], vendor_dir: pathlib.Path) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        packed = subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--json", "--silent"],
            cwd=scratch,
            check=True,
            capture_output=True,
            text=True,
        )
        info = json.loads(packed.stdout)[0]
        target = vendor_dir / name
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(pathlib.Path(scratch) / info["filename"]) as tarball:
            for filename in keep:
                member = tarball.extractfile(f"package/{filename}")
                (target / pathlib.Path(filename).name).write_bytes(member.read())
    license_name = subprocess.run(
        ["npm", "view", f"{name}@{version}", "license"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return {
        "version": version,
        "license": license_name,
        "tarball_integrity": info.get("integrity"),
        "files": {f"{name}/{pathlib.Path(f).name}": sha256(vendor_dir / name / pathlib.Path(f).name) for f in keep},
    }


def check() -> list[str]:
    problems = []
    for name, (version, _keep, vendor_dir) in PACKAGES.items():
        entry = json.loads((vendor_dir / "manifest.json").read_text()).get(name)
        if not entry or entry["version"] != version:
            problems.append(f"{name}: manifest has {entry and entry['version']}, pinned {version}; run make vendor")
            continue
        for relative, digest in entry["files"].items():
            path = vendor_dir / relative
            if not path.exists() or sha256(path) != digest:
                problems.append(
                    f"{relative}: missing or sha256 differs from {vendor_dir.name}/manifest.json; run make vendor"
                )
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify files against the manifest")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "vendored files match the manifest")
        return 1 if problems else 0
    for vendor_dir in {vendor_dir for _version, _keep, vendor_dir in PACKAGES.values()}:
        manifest = {
            name: fetch(name, version, keep, vendor_dir)
            for name, (version, keep, where) in PACKAGES.items()
            if where == vendor_dir
        }
        (vendor_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        print(json.dumps(manifest, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
