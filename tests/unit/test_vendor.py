"""The npm assets on disk are the ones the manifests pin (version, sha256, licence)."""

import json
import pathlib

from tools import vendor


def test_vendored_files_match_the_manifest():
    assert vendor.check() == []


def test_manifest_records_version_and_licence_for_every_package():
    for name, (version, keep, vendor_dir) in vendor.PACKAGES.items():
        manifest = json.loads((vendor_dir / "manifest.json").read_text())
        assert manifest[name]["version"] == version
        assert manifest[name]["license"], f"{name}: licence not recorded"
        assert set(manifest[name]["files"]) == {f"{name}/{pathlib.Path(f).name}" for f in keep}
        assert f"{name}/LICENSE" in manifest[name]["files"], f"{name}: licence text not vendored"
