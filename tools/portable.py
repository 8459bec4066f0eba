"""A chapter's MyST Markdown as plain Markdown that reads right in Colab, Jupyter and on GitHub.

The book's chapters are written in MyST: admonitions, dropdowns, ``{cite}``, ``{ref}``, ``{doc}``
and ``{glue:text}`` roles, ``(label)=`` targets. Outside the book those show as raw markup. The
published notebooks (``publish.py``) get their Markdown cells converted by :func:`markdown`:

- a ``:class: dropdown`` admonition (the answers) becomes HTML ``<details>``, closed until the
  reader opens it; any other admonition a blockquote under its bold title;
- ``{cite:p}`` becomes "(Author, Year)" and ``{cite:t}`` "Author (Year)", each linked to its
  entry on the book's references page; ``{ref}``, ``{doc}`` and links to other pages of the
  book become links to the book's site, with the section's or page's title as text;
- ``{glue:text}`` and ``{glue}`` become the values that the executed notebook glued;
- targets, comments and block breaks are dropped, ``{{ substitutions }}`` filled in.

Anything else written in MyST raises :class:`ConversionError` naming it, so a new construct in
a chapter stops the build instead of reaching readers raw; :func:`leftover_myst` is the same
check on finished Markdown.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

ADMONITIONS = {
    "note": "Note", "tip": "Tip", "hint": "Hint", "important": "Important",
    "warning": "Warning", "caution": "Caution", "attention": "Attention", "danger": "Danger",
    "error": "Error", "seealso": "See also",
}  # fmt: skip

FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<argument>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
TARGET = re.compile(r"^\s*\([\w:.-]+\)=\s*$")
ROLE = re.compile(r"\{(?P<name>[\w:.-]+)\}`(?P<content>[^`]+)`")
SUBSTITUTION = re.compile(r"\{\{\s*(?P<name>[\w.-]+)\s*\}\}")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")
EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
#: What raw MyST looks like: a directive's fence, a role, a target, a substitution.
LEFTOVER = re.compile(
    r"^ {0,3}(:{3,}|`{3,})\{|\{[\w:.-]+\}`|^\s*\([\w:.-]+\)=\s*$|\{\{\s*[\w.-]+\s*\}\}", re.M
)


class ConversionError(ValueError):
    """A MyST construct that the portable notebooks have no form for."""


@dataclass
class Site:
    """What the conversion needs to know about the built book.

    ``base`` is the site's address (ending in ``/``); ``labels`` maps a target to
    ``(docname, anchor, section title)``; ``titles`` a docname to its page's title;
    ``citations`` a bibliography key to ``(authors, year, URL of its entry)``.
    """

    base: str
    labels: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    citations: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    substitutions: dict[str, str] = field(default_factory=dict)

    def url(self, docname: str, anchor: str = "") -> str:
        return f"{self.base}{docname}.html" + (f"#{anchor}" if anchor else "")


def markdown(text: str, docname: str, site: Site, glue: Callable[[str], str]) -> str:
    """Plain Markdown for the MyST ``text`` of a cell of page ``docname``.

    ``glue(spec)`` gives the text of ``{glue:text}`spec``` (``key`` or ``key:format``).
    """
    page = _Page(docname, site, glue)
    return "\n".join(page.blocks(text.split("\n"))).strip("\n")


def leftover_myst(text: str) -> list[str]:
    """The lines of Markdown ``text`` that still hold MyST markup (outside code blocks)."""
    found, fence = [], None
    for line in text.split("\n"):
        m = FENCE.match(line)
        if fence is None and m and m["fence"][0] != ":" and not m["info"].startswith("{"):
            fence = m["fence"]
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        elif LEFTOVER.search(line):
            found.append(line.strip())
    return found


class _Page:
    def __init__(self, docname: str, site: Site, glue: Callable[[str], str]):
        self.docname, self.site, self.glue = docname, site, glue

    def fail(self, what: str) -> ConversionError:
        return ConversionError(f"{self.docname}: {what} has no plain Markdown form")

    # -- blocks ----------------------------------------------------------------------------

    def blocks(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            m = FENCE.match(line)
            if m:
                end = _closing(lines, i + 1, m["fence"])
                body = lines[i + 1 : end]
                directive = DIRECTIVE.match(m["info"].strip())
                if directive:
                    out += self.directive(directive["name"], directive["argument"], body)
                elif m["fence"][0] == ":":
                    raise self.fail(f"the colon fence {line.strip()!r}")
                else:  # a code block, shown as it is
                    out += lines[i : end + 1]
                i = end + 1
                continue
            if TARGET.match(line) or line.startswith("%") or line.strip() == "+++":
                i += 1  # a target, a comment or a block break: nothing to show
                continue
            out.append(self.inline(line))
            i += 1
        return out

    def directive(self, name: str, argument: str, body: list[str]) -> list[str]:
        options, content = _options(body)
        if name in ("math",):
            return ["$$", *content, "$$"]
        if name != "admonition" and name not in ADMONITIONS and name != "dropdown":
            raise self.fail(f"the directive {{{name}}}")
        title = self.inline(argument.strip()) or ADMONITIONS.get(name, name.title())
        inner = self.blocks(content)
        while inner and not inner[-1].strip():
            inner.pop()
        if name == "dropdown" or "dropdown" in options.get("class", "").split():
            summary = html.escape(title, quote=False)
            return ["", "<details>", f"<summary><strong>{summary}</strong></summary>", "",
                    *inner, "", "</details>", ""]
        quoted = [f"> {line}" if line.strip() else ">" for line in _one_line_math(inner)]
        return ["", f"> **{title}**", ">", *quoted, ""]

    # -- inline ----------------------------------------------------------------------------

    def inline(self, line: str) -> str:
        line = SUBSTITUTION.sub(self.substitution, line)
        line = ROLE.sub(self.role, line)
        return LINK.sub(self.link, line)

    def substitution(self, m: re.Match) -> str:
        if m["name"] not in self.site.substitutions:
            raise self.fail(f"the substitution {m[0]}")
        return str(self.site.substitutions[m["name"]])

    def role(self, m: re.Match) -> str:
        name, content = m["name"], m["content"]
        if name in ("glue", "glue:", "glue:any", "glue:text", "glue:md"):
            return self.glue(content)
        if name.startswith("cite"):
            return self.cite(name, content)
        if name in ("ref", "doc"):
            text, target = _explicit(content)
            docname, anchor, title = (
                self.label(target) if name == "ref" else (self.doc(target), "", "")
            )
            return f"[{text or title or self.site.titles.get(docname, target)}]" \
                   f"({self.site.url(docname, anchor)})"
        if name == "math":
            return f"${content}$"
        if name in ("term", "abbr"):
            return _explicit(content)[0] or content
        raise self.fail(f"the role {{{name}}}")

    def cite(self, name: str, content: str) -> str:
        keys = [k.strip() for k in content.split(",") if k.strip()]
        missing = [k for k in keys if k not in self.site.citations]
        if missing:
            raise self.fail(f"the citation {missing}")
        entries = [self.site.citations[k] for k in keys]
        if name in ("cite:t", "cite:ts"):
            return "; ".join(f"[{who}]({url}) ({year})" for who, year, url in entries)
        if name in ("cite", "cite:p", "cite:ps"):
            return "(" + "; ".join(f"[{who}, {year}]({url})" for who, year, url in entries) + ")"
        raise self.fail(f"the role {{{name}}}")

    def label(self, target: str) -> tuple[str, str, str]:
        if target.lower() not in self.site.labels:
            raise self.fail(f"the reference to {target!r} (no such label)")
        return self.site.labels[target.lower()]

    def doc(self, target: str) -> str:
        """The docname that ``target`` (a page path as MyST allows it) names from this page."""
        path = target.split("#")[0]
        path = re.sub(r"\.(md|ipynb|rst)$", "", path)
        if path.startswith("/"):
            docname = path.lstrip("/")
        else:
            docname = posixpath.normpath(posixpath.join(posixpath.dirname(self.docname), path))
        if docname not in self.site.titles:
            raise self.fail(f"the link to the page {target!r} (no such page)")
        return docname

    def link(self, m: re.Match) -> str:
        text, target = m["text"], m["target"]
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            return m[0]
        path, _, anchor = target.partition("#")
        if not path:  # [text](#label): a target anywhere in the book
            docname, anchor, _ = self.label(anchor)
        elif re.search(r"\.(md|ipynb|rst)$", path) or "/" in path:
            docname = self.doc(path)
            if anchor and anchor.lower() in self.site.labels:
                docname, anchor, _ = self.label(anchor)
        else:  # [text](label), as MyST resolves it
            docname, anchor, _ = self.label(path)
        return f"[{text}]({self.site.url(docname, anchor)})"


def _closing(lines: list[str], start: int, fence: str) -> int:
    """Index of the line that closes ``fence`` (same character, at least as long), or the end."""
    for j in range(start, len(lines)):
        stripped = lines[j].strip()
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            return j
    return len(lines)


def _options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    """A directive's ``:key: value`` options (or its ``---`` block), and its content."""
    options: dict[str, str] = {}
    if body and body[0].strip() == "---":
        end = next((k for k in range(1, len(body)) if body[k].strip() == "---"), 0)
        for line in body[1:end]:
            key, _, value = line.partition(":")
            options[key.strip()] = value.strip()
        return options, body[end + 1 :]
    k = 0
    while k < len(body) and (m := OPTION.match(body[k].strip())):
        options[m["key"]] = m["value"]
        k += 1
    return options, body[k:]


def _explicit(content: str) -> tuple[str, str]:
    """``text <target>`` as (text, target); a bare ``target`` as ("", target)."""
    m = EXPLICIT.match(content.strip())
    return (m["text"].strip(), m["target"].strip()) if m else ("", content.strip())


def _one_line_math(lines: list[str]) -> list[str]:
    """Display math on one line each: a blockquote's ``> `` would otherwise land inside it."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line, end = lines[i].strip(), None
        if line.startswith("$$"):
            if line.count("$$") >= 2:  # $$ ... $$ on one line already
                end = i
            else:
                end = next((j for j in range(i + 1, len(lines)) if "$$" in lines[j]), None)
        elif env := re.match(r"\\begin\{([^}]+)\}", line):
            closing = f"\\end{{{env[1]}}}"
            end = next((j for j in range(i, len(lines)) if closing in lines[j]), None)
        if end is None:
            out.append(lines[i])
            i += 1
        else:
            out.append(" ".join(part.strip() for part in lines[i : end + 1]))
            i = end + 1
    return out
