"""The chapters' MyST as plain Markdown (tools/portable.py), on small made-up cells.

The built book's portable notebooks are checked whole by test_standalone_notebooks.py and
test_links.py; these tests pin down each construct's plain form.
"""

from __future__ import annotations

import pytest

from tools import portable

SITE = portable.Site(
    base="https://example.org/book/",
    labels={
        "the-2-l-rule": ("chapters/03_update_rule", "the-2-l-rule", "Convergence: the 2/L rule"),
        "momentum-dynamics": ("chapters/03_update_rule", "momentum-dynamics", "Momentum"),
    },
    titles={"chapters/01_loss_functions": "Loss functions", "chapters/02_gradients": "Gradients",
            "exercises/index": "Graded exercises", "exercises/ex01_losses": "Exercise 1"},
    citations={"kingma2015": ("Kingma and Ba", "2015", "https://example.org/book/refs.html#id3"),
               "rumelhart1986": ("Rumelhart et al.", "1986", "https://example.org/book/refs.html#id7")},
    substitutions={"version": "0.1.0"},
)
GLUED = {"eta": "0.125", "loss": "2.5"}


def convert(text: str, docname: str = "chapters/02_gradients") -> str:
    def glue(spec: str) -> str:
        key, _, fmt = spec.partition(":")
        return format(float(GLUED[key]), fmt) if fmt else GLUED[key]

    out = portable.markdown(text, docname, SITE, glue)
    assert portable.leftover_myst(out) == [], out
    return out


def test_a_dropdown_becomes_details_closed_until_opened():
    text = ":::{admonition} Answer\n:class: dropdown\nIt is $\\eta < 2/L$.\n\nSee below.\n:::"
    assert convert(text) == (
        "<details>\n<summary><strong>Answer</strong></summary>\n\n"
        "It is $\\eta < 2/L$.\n\nSee below.\n\n</details>"
    )


def test_an_admonition_becomes_a_blockquote_under_its_bold_title():
    text = (":::{admonition} Common mistake: the sign\n:class: warning\nThe gradient points up.\n"
            "\n$$\nJ = 1\n$$\n:::\n\n:::{note}\nA note.\n:::")
    out = convert(text)
    assert out.startswith("> **Common mistake: the sign**\n>\n> The gradient points up.\n>\n")
    assert "> $$ J = 1 $$" in out  # display math on one line: no '>' inside the formula
    assert "> **Note**\n>\n> A note." in out


def test_an_answer_inside_an_admonition_stays_hidden():
    text = ("::::{admonition} Check your understanding\n1. Why?\n\n"
            ":::{admonition} Answer\n:class: dropdown\nBecause.\n:::\n::::")
    out = convert(text)
    assert "> <details>" in out and "> <summary><strong>Answer</strong></summary>" in out
    assert "> Because." in out and "> </details>" in out


def test_citations_are_author_year_links_to_the_references():
    out = convert("Adam {cite:p}`kingma2015` and backprop {cite:p}`rumelhart1986,kingma2015`; "
                  "{cite:t}`kingma2015` showed it.")
    assert "Adam ([Kingma and Ba, 2015](https://example.org/book/refs.html#id3))" in out
    both = "([Rumelhart et al., 1986](https://example.org/book/refs.html#id7); [Kingma and Ba"
    assert both in out
    assert "[Kingma and Ba](https://example.org/book/refs.html#id3) (2015) showed it." in out


def test_references_and_links_point_to_the_site():
    out = convert("See {ref}`the-2-l-rule`, {ref}`the rule <momentum-dynamics>`, "
                  "{doc}`01_loss_functions`, [the exercise](../exercises/ex01_losses.ipynb), "
                  "[momentum](momentum-dynamics), [again](#the-2-l-rule) and "
                  "[exercises](../exercises/index.md) or [the web](https://numpy.org).")
    site = "https://example.org/book/"
    assert f"[Convergence: the 2/L rule]({site}chapters/03_update_rule.html#the-2-l-rule)" in out
    assert f"[the rule]({site}chapters/03_update_rule.html#momentum-dynamics)" in out
    assert f"[Loss functions]({site}chapters/01_loss_functions.html)" in out
    assert f"[the exercise]({site}exercises/ex01_losses.html)" in out
    assert f"[momentum]({site}chapters/03_update_rule.html#momentum-dynamics)" in out
    assert f"[again]({site}chapters/03_update_rule.html#the-2-l-rule)" in out
    assert f"[exercises]({site}exercises/index.html)" in out
    assert "[the web](https://numpy.org)" in out


def test_glued_values_targets_comments_and_substitutions():
    text = ("(a-target)=\n## Step size\n% a comment\nWith $\\eta$ = {glue:text}`eta:.2f` the "
            "loss is {glue:text}`loss` (version {{ version }}).\n+++\nDone.")
    assert convert(text) == ("## Step size\nWith $\\eta$ = 0.12 the loss is 2.5 (version 0.1.0)."
                             "\nDone.")


def test_code_blocks_are_left_as_they_are():
    text = "```python\nx = {ref}`not-a-role`\n```"
    assert convert(text) == text


@pytest.mark.parametrize(
    "text, what",
    [
        ("{eq}`my-equation`", "the role {eq}"),
        (":::{figure} a.png\n:::", "the directive {figure}"),
        ("{ref}`no-such-label`", "no such label"),
        ("{doc}`99_missing`", "no such page"),
        ("{cite:p}`nobody2000`", "the citation"),
        ("{{ nothing }}", "the substitution"),
    ],
)
def test_what_has_no_plain_form_stops_the_build_with_its_name(text, what):
    with pytest.raises(portable.ConversionError, match=what):
        portable.markdown(text, "chapters/02_gradients", SITE, lambda spec: "")


def test_leftover_myst_finds_raw_markup_outside_code():
    assert portable.leftover_myst("a {cite:p}`x` b\n(lbl)=\n:::{note}\n```\n{ref}`y`\n```") == [
        "a {cite:p}`x` b", "(lbl)=", ":::{note}"]
