"""The built book as the tests, `make pdf` and `make bench` all meet it: the strict build
command, its pages, a 127.0.0.1 server for it, and Chromium with every other host blocked.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import pathlib
import shutil
import sys
import threading

import yaml

from widgets.paths import REPO_ROOT as ROOT

# Looked for in this order: $CHROMIUM, Debian's chromium, then Playwright's own browser.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
INSTALL_CHROMIUM = (
    "install Debian's chromium (apt-get install -y chromium), or Playwright's browser "
    "(.venv/bin/python -m playwright install chromium) where it can be downloaded, "
    "or set CHROMIUM=/path/to/chromium"
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# What a page may load: the book's own server, and what its scripts make in memory.
LOCAL_PREFIXES = ("http://127.0.0.1", "blob:", "data:")
# Sphinx's own pages besides the table of contents; index.html is Jupyter Book's redirect.
GENERATED_PAGES = ["index.html", "genindex.html", "search.html"]
ASSET_DIRS = {"_static", "_sources", "_images"}


def strict_build_command(output_root: pathlib.Path) -> list[str]:
    """The README's build, warnings as errors, writing `output_root/_build/html`."""
    jupyter_book = pathlib.Path(sys.executable).with_name("jupyter-book")
    return [
        str(jupyter_book),
        "build",
        str(ROOT),
        "--warningiserror",
        "--nitpick",
        "--keep-going",
        "--builder",
        "html",
        "--path-output",
        str(output_root),
    ]


def toc_entries(toc_path: pathlib.Path = ROOT / "_toc.yml") -> list[str]:
    """Every `file` in _toc.yml (no suffix), in reading order: root, parts, chapters, sections."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return [pathlib.PurePosixPath(name).with_suffix("").as_posix() for name in files]


def toc_pages() -> list[str]:
    """HTML paths of the table of contents, relative to the build dir, in reading order."""
    return [f"{entry}.html" for entry in toc_entries()]


def built_pages(html_root: pathlib.Path) -> list[pathlib.Path]:
    """Every HTML page a reader can open in a build (not theme assets or page sources)."""
    return sorted(p for p in html_root.rglob("*.html") if not ASSET_DIRS & set(p.relative_to(html_root).parts))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_directory(directory: pathlib.Path) -> http.server.ThreadingHTTPServer:
    """Serve a directory on an ephemeral 127.0.0.1 port from a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def server_url(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def chromium_path(playwright) -> str | None:
    """The Chromium to run: $CHROMIUM or Debian's, else Playwright's own if installed."""
    if shutil.which(CHROMIUM) or pathlib.Path(CHROMIUM).exists():
        return CHROMIUM
    own = playwright.chromium.executable_path
    return own if own and pathlib.Path(own).exists() else None


def launch_chromium(playwright):
    """Headless Chromium for tests, the audit, the bench and the PDF (see chromium_path)."""
    executable = chromium_path(playwright)
    if executable is None:
        raise RuntimeError(f"no Chromium found: {INSTALL_CHROMIUM}")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)


def block_other_hosts(context, blocked: list[str] | None = None) -> None:
    """Abort every request that would leave the machine, recording it in `blocked` if given."""

    def route(route_request):
        url = route_request.request.url
        if url.startswith(LOCAL_PREFIXES):
            route_request.continue_()
        else:
            if blocked is not None:
                blocked.append(url)
            route_request.abort()

    context.route("**/*", route)


def gzip_sizes(responses) -> list[tuple[str, int]]:
    """(url, bytes on the wire at gzip level 6) for each successful local response."""
    sizes = []
    for response in responses:
        if response.url.startswith("http://127.0.0.1") and response.status < 300:
            with contextlib.suppress(Exception):  # redirects and aborted requests have no body to weigh
                sizes.append((response.url, len(gzip.compress(response.body(), 6))))
    return sizes


def gzip_weight(responses) -> int:
    """Total bytes a page's successful local responses would take on the wire, gzipped."""
    return sum(size for _url, size in gzip_sizes(responses))
