"""The offline widget runtime: our loader, the anywidget contract it implements."""

import importlib.metadata
import re

import yaml

from widgets.paths import REPO_ROOT as ROOT

LOADER = ROOT / "widgets" / "runtime" / "anywidget-static.js"


def test_loader_was_verified_against_the_installed_anywidget():
    """Upgrading anywidget means re-checking the loader's model contract (then bump this)."""
    declared = re.search(r"anywidget (\d+\.\d+)\.x", LOADER.read_text()).group(1)
    installed = importlib.metadata.version("anywidget")
    assert installed.startswith(declared + "."), (declared, installed)


def test_book_uses_the_local_loader_and_no_cdn_runtime():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())["sphinx"]["config"]
    scripts = config["nb_ipywidgets_js"]
    assert list(scripts) == ["anywidget-static.js"]
    assert "widgets/runtime" in config["html_static_path"]
    assert (ROOT / "widgets" / "runtime" / "anywidget-static.js").exists()


def test_loader_implements_the_model_methods_widgets_use():
    source = LOADER.read_text()
    for method in ("get:", "set(", "on(", "off(", "save_changes()", "send()"):
        assert method in source
    used = set()
    for module in (ROOT / "widgets" / "static").glob("*.js"):
        used |= set(re.findall(r"model\.(\w+)\(", module.read_text()))
    assert used <= {"get", "set", "on", "off", "save_changes", "send"}, used


def test_every_widget_is_an_anywidget():
    import anywidget

    import widgets

    for name in widgets.__all__:
        assert issubclass(getattr(widgets, name), anywidget.AnyWidget), name
