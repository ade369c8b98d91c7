"""`fetch`: reports from the web saved into a folder without checking them — the documents
themselves (the attachment when a page holds one) and a manifest of where each came from."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click

from .common import EXIT_INPUT, fail, fetcher, web_options

_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


def file_name(document: str, sha256: str) -> str:
    """A readable, safe name for a fetched document: host (never a user or password), last path
    segment, a digest prefix; under 200 bytes in UTF-8 (file systems stop at 255)."""
    parts = urlsplit(document)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or "index.html"
    stem, dot, ext = last.rpartition(".")
    stem, ext = (stem, ext) if dot else (last, "html")
    host = (parts.hostname or "") + (f"_{parts.port}" if parts.port else "")
    return f"{_cut(_UNSAFE.sub('_', host), 60)}_{_cut(_UNSAFE.sub('_', stem), 100)}_{sha256[:10]}." \
           f"{_UNSAFE.sub('', ext)[:8]}"


def _cut(text: str, most: int) -> str:
    """The text cut to at most ``most`` bytes of UTF-8, never inside a character."""
    return text.encode("utf-8")[:most].decode("utf-8", "ignore")


def _save_pictures(pictures: dict[str, bytes], out: Path, name: str) -> dict[str, str]:
    """A saved page's pictures in "<page>_files/" (a browser's "save page, complete" folder), the
    page itself kept as fetched: index.json maps each src as written to its file, so the HTML
    reader finds them offline.  {src: the file, relative to ``out``}."""
    import hashlib

    from ..outputs import atomic

    if not pictures:
        return {}
    folder = out / f"{Path(name).stem}_files"
    folder.mkdir(exist_ok=True)
    index = {}
    for src, data in pictures.items():
        file = hashlib.sha256(data).hexdigest()[:16] + (".png" if data.startswith(b"\x89PNG") else ".jpg")
        with atomic(str(folder / file), "wb") as f:
            f.write(data)
        index[src] = file
    with atomic(str(folder / "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, indent=1)
    return {src: f"{folder.name}/{file}" for src, file in index.items()}


@click.command()
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="Folder to save the documents in (made if missing); fetch.jsonl lists what was saved.")
@web_options
def fetch(urls, folder, timeout, per_host, delay, allow_private) -> None:
    """Save reports from the web without checking them (the page, or its attachment or iframe)."""
    import hashlib

    from ..model import InputError
    from ..outputs import atomic
    from ..web import is_url, shown
    from ..web.find import locate
    from ..web.pictures import fetch_pictures

    bad = [u for u in urls if not is_url(u)]
    if bad:
        fail(f"{bad[0]}: not an http(s) URL")
        sys.exit(EXIT_INPUT)
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        fail(f"-o {folder}: {e.strerror}")
        sys.exit(EXIT_INPUT)
    failed = 0
    # the manifest grows with each fetch: a folder fetched twice keeps both records
    with fetcher(timeout, per_host, delay, allow_private, urls) as web, open(out / "fetch.jsonl", "a", encoding="utf-8") as manifest:
        for url in map(shown, urls):        # the fetcher keeps a typed user and password
            try:
                doc, via = locate(web, url)
            except InputError as e:
                fail(str(e))
                failed += 1
                continue
            sha = hashlib.sha256(doc.content).hexdigest()
            name = file_name(doc.final_url, sha)
            try:
                with atomic(str(out / name), "wb") as f:
                    f.write(doc.content)
                pictures = _save_pictures({src: f.content for src, f in
                                           fetch_pictures(web, doc, need_ocr=False).items()}, out, name)
            except OSError as e:         # this document alone is lost, not the batch
                fail(f"{shown(url)}: cannot save {name}: {e.strerror or e}")
                failed += 1
                continue
            manifest.write(json.dumps({"url": shown(url), "document": shown(doc.final_url), "via": via, "file": name,
                                       "sha256": sha, "status": doc.status, "fetched_at": doc.fetched_at,
                                       "etag": doc.etag or None, "last_modified": doc.last_modified or None,
                                       **({"pictures": pictures} if pictures else {})},
                                      ensure_ascii=False) + "\n")
            click.echo(f"{shown(url)} -> {name}")
    sys.exit(EXIT_INPUT if failed else 0)
