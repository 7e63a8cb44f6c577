"""The course's small HTML subset back to bank Markdown, for text that arrives as HTML.

jupyterquiz puts its texts into innerHTML, so an imported question (ours exported, or anyone's)
is HTML; a bank is Markdown, where raw HTML is shown as text. Tags outside the subset the
course renders (widgets.quizbank.SAFE_TAGS) are dropped and their text kept.
"""

from __future__ import annotations

import html.parser
import re

INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*", "sub": "", "sup": ""}
BLOCK_BREAK = {"p", "ul", "ol", "pre", "div"}


class _Converter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.in_pre = False

    def handle_starttag(self, tag, attrs):
        if tag in INLINE:
            self.parts.append(INLINE[tag])
        elif tag == "pre":
            self.in_pre = True
            self.parts.append("\n\n```\n")
        elif tag == "code" and not self.in_pre:
            self.parts.append("`")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCK_BREAK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in INLINE:
            self.parts.append(INLINE[tag])
        elif tag == "pre":
            self.in_pre = False
            if self.parts:
                self.parts[-1] = self.parts[-1].rstrip("\n")
            self.parts.append("\n```\n\n")
        elif tag == "code" and not self.in_pre:
            self.parts.append("`")
        elif tag in BLOCK_BREAK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data if self.in_pre else re.sub(r"\s+", " ", data))


def markdown_from_html(text: str) -> str:
    if "<" not in text and "&" not in text:
        return text
    converter = _Converter()
    converter.feed(text)
    converter.close()
    lines, in_fence = [], False
    for line in "".join(converter.parts).splitlines():
        if line.strip() == "```":
            in_fence = not in_fence
        lines.append(line if in_fence and line.strip() != "```" else line.strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
