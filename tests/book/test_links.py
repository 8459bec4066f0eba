"""Every launch and download link of the built book points to a file that exists where it says.

Binder and Colab open a page's notebook in the repository at the published branch: each link is
resolved against the tree that the pages workflow pushes there (``_build/published``), which
must hold the same notebook that the page's download button serves. Download links resolve
against the site. A JupyterHub button appears only when a hub is configured (none is, by
default). The workflow publishes that tree to that branch, and the zip of all notebooks that the
landing page links holds the same files.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from tools import bootstrap, bundle, publish

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
TREE = ROOT / "_build" / publish.PUBLISHED
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPOSITORY = CONFIG["repository"]["url"].rstrip("/")
ORG_REPO = urlparse(REPOSITORY).path.strip("/")
BRANCH = CONFIG["repository"]["branch"]
LAUNCH = CONFIG["launch_buttons"]


@pytest.fixture(scope="module")
def pages() -> dict[str, BeautifulSoup]:
    if not (HTML / "index.html").is_file() or not TREE.is_dir():
        pytest.fail(f"no built book at {HTML}: run `make book` first")
    return {str(p.relative_to(HTML)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(HTML.rglob("*.html")) if "_static" not in p.parts}


def _launch_links(pages, service: str) -> dict[str, str]:
    """The link to ``service`` of each page, checking that exactly the notebook pages have one."""
    prefix = LAUNCH[service].rstrip("/") + "/"
    links = {rel: {a["href"] for a in soup.select("a[href]") if a["href"].startswith(prefix)}
             for rel, soup in pages.items()}
    assert sorted(rel for rel, hrefs in links.items() if hrefs) == _notebook_pages()
    assert all(len(links[rel]) == 1 for rel in _notebook_pages())
    return {rel: links[rel].pop() for rel in _notebook_pages()}


def _notebook_pages() -> list[str]:
    return sorted(str(p.relative_to(TREE).with_suffix(".html"))
                  for folder in ("chapters", "exercises") for p in (TREE / folder).glob("*.ipynb"))


def _in_tree(rel: str, path: str) -> Path:
    """The file that a link to ``path`` in the published branch opens, checked against the page's
    download: the same notebook."""
    assert path == rel.replace(".html", ".ipynb"), f"{rel}: the link opens {path}, not its page"
    target = TREE / path
    assert target.is_file(), f"{rel}: {path} is not in the published tree"
    assert target.read_bytes() == (HTML / "_sources" / path).read_bytes(), (
        f"{rel}: the launched notebook differs from the downloaded one")
    return target


def test_colab_opens_the_pages_notebook_on_the_published_branch(pages):
    for rel, href in _launch_links(pages, "colab_url").items():
        m = re.fullmatch(r"https://[^/]+/github/([^/]+/[^/]+)/blob/([^/]+)/(.+)", href)
        assert m, href
        assert (m[1], m[2]) == (ORG_REPO, BRANCH), href
        _in_tree(rel, m[3])


def test_binder_opens_the_pages_notebook_in_the_learners_environment(pages):
    for rel, href in _launch_links(pages, "binderhub_url").items():
        url = urlparse(href)
        m = re.fullmatch(r"/v2/gh/([^/]+/[^/]+)/([^/]+)", url.path)
        assert m and (m[1], m[2]) == (ORG_REPO, BRANCH), href
        (opened,) = parse_qs(url.query)["urlpath"]
        assert opened.startswith("lab/tree/"), href  # JupyterLab, which renders MyST
        _in_tree(rel, unquote(opened.removeprefix("lab/tree/")))
    # Binder builds the branch's binder/: the published wheel with its learner extra, Python
    # pinned; not the development lock
    requirements = (TREE / "binder" / "requirements.txt").read_text(encoding="utf-8")
    wheel = next((HTML / "_static").glob("gdcourse-*.whl"))
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    pinned = [line for line in requirements.splitlines() if line and not line.startswith("#")]
    assert pinned == [f"gdcourse[learner] @ {CONFIG['html']['baseurl']}_static/{wheel.name}"
                      f"#sha256={digest}"]
    assert (TREE / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_no_jupyterhub_button_without_a_hub(pages):
    assert not LAUNCH.get("jupyterhub_url")
    hub = {rel: [a["href"] for a in soup.select("a[href*='hub/user-redirect']")]
           for rel, soup in pages.items()}
    assert not any(hub.values()), hub


def test_the_jupyterhub_button_would_pull_the_published_branch(monkeypatch):
    """With a hub configured, sphinx-book-theme's button asks nbgitpuller for the page's
    notebook of the published branch."""
    from sphinx_book_theme.header_buttons import launch

    theme = {"launch_buttons": {**LAUNCH, "jupyterhub_url": "https://hub.example.org"},
             "repository_url": REPOSITORY, "repository_branch": BRANCH, "path_to_docs": ""}
    app = type("App", (), {})()
    app.config = {"html_theme_options": theme}
    app.env = type("Env", (), {"metadata": {"chapters/01_loss_functions": {"kernelspec": {}}},
                               "doc2path": staticmethod(lambda name: f"{name}.ipynb")})()
    org, repo = ORG_REPO.split("/")
    context = {"pagename": "chapters/01_loss_functions", "header_buttons": [],
               "sourcename": "chapters/01_loss_functions.ipynb", "github_url": "https://github.com",
               "github_user": org, "github_repo": repo}
    launch.add_launch_buttons(app, "chapters/01_loss_functions", "page.html", context, None)
    (group,) = context["header_buttons"]
    (hub,) = [b["url"] for b in group["buttons"] if b["text"] == "JupyterHub"]
    query = parse_qs(urlparse(hub).query)
    assert hub.startswith("https://hub.example.org/hub/user-redirect/git-pull?")
    assert query["repo"] == [REPOSITORY] and query["branch"] == [BRANCH]
    assert query["urlpath"] == [f"lab/tree/{repo}/chapters/01_loss_functions.ipynb"]
    _in_tree("chapters/01_loss_functions.html", "chapters/01_loss_functions.ipynb")


def test_every_download_link_resolves_on_the_site(pages):
    missing, stale = [], []
    for rel, soup in pages.items():
        for a in soup.select("a[href]"):
            href = a["href"]
            url = urlparse(href)
            # (the PDF comes from `make pdf`: the browser tests check its link)
            if url.scheme or not re.search(r"\.(ipynb|md|zip|whl)$", url.path):
                continue
            target = (HTML / rel).parent / unquote(url.path)
            if not target.is_file():
                missing.append(f"{rel}: {href}")
            elif target.suffix == ".ipynb" and b'"course-setup"' in target.read_bytes():
                # a notebook offered for download is the portable one, that installs the wheel
                if bootstrap.MIRROR.encode() not in target.read_bytes():
                    stale.append(f"{rel}: {href}")
    assert missing == [], missing
    assert stale == [], f"downloads that are not the portable notebooks: {stale}"


def test_the_landing_page_links_the_zip_of_all_notebooks(pages):
    root = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    hrefs = [a["href"] for a in pages[f"{root}.html"].select("a[href]")]
    assert bundle.ZIP_NAME in hrefs
    with zipfile.ZipFile(HTML / bundle.ZIP_NAME) as z:
        files = {name.split("/", 1)[1]: z.read(name) for name in z.namelist()}
    wheel = next((HTML / "_static").glob("gdcourse-*.whl"))
    notebooks = {str(p.relative_to(TREE)): p.read_bytes() for p in TREE.rglob("*.ipynb")}
    assert sorted(files) == sorted([*notebooks, wheel.name, "README.md"])
    assert all(files[name] == data for name, data in notebooks.items())
    assert files[wheel.name] == wheel.read_bytes()
    readme = files["README.md"].decode()
    assert (HTML / "_static" / wheel.name).is_file()
    assert f"{CONFIG['html']['baseurl']}_static/{wheel.name}#sha256=" in readme
    assert "python -m gdcourse.grade exercises/" in readme and "last cell" in readme


def test_the_workflow_publishes_what_the_links_point_to():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])]
    pages_artifact = [s for s in steps if s.get("uses", "").startswith(
        "actions/upload-pages-artifact")]
    assert [s["with"]["path"] for s in pages_artifact] == ["_build/html"]
    uploads = [s["with"]["path"] for s in steps
               if s.get("uses", "").startswith("actions/upload-artifact")]
    assert f"_build/{publish.PUBLISHED}" in uploads
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "['repository']['branch']" in runs and "git push --force" in runs
    assert any(s.get("run", "").startswith("make book") for s in steps)
