"""The test-only npm assets on disk are the ones the manifest pins (version, sha256, licence)."""

import json

from tools import vendor


def test_vendored_files_match_the_manifest():
    assert vendor.check() == []


def test_manifest_records_version_and_licence_for_every_package():
    manifest = json.loads(vendor.MANIFEST.read_text())
    for name, (version, keep) in vendor.PACKAGES.items():
        assert manifest[name]["version"] == version
        assert manifest[name]["license"], f"{name}: licence not recorded"
        assert set(manifest[name]["files"]) == {f"{name}/{f}" for f in keep}
