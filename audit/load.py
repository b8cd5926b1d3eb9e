"""Stage 1, load: bytes in, a `Document` out (decoded source plus its prose mask).

`Document.prose` always has the length of `Document.source`. Every character that is
not article prose (markup, code, front matter, URLs, control bytes) becomes a space;
a newline marks where one block ends and the next begins, so offsets never shift.

For Markdown and HTML every line break left in `prose` is a block boundary: soft line
breaks inside a paragraph are blanked to spaces. Plain text keeps its line breaks and
the segmenter decides which ones end a paragraph.

Nothing here raises on bad input: an unreadable, binary or oversized file comes back
as a `Document` whose `error` says why.
"""

from __future__ import annotations

import codecs
import html
import html.entities
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from audit.lexicon import data_text
from audit.model import Document, Format

if TYPE_CHECKING:
    from markdown_it.token import Token

MAX_BYTES = 20 * 1024 * 1024  # documents above this are refused with an error, never parsed
MAX_MARKUP_CHARS = 2 * 1024 * 1024  # larger Markdown/HTML is read as plain text (parsers cost ~1 s/MB)
MAX_MARKUP_LINES = 50_000  # markdown-it costs ~20 us a line: more lines than this are read as plain text
SNIFF_BYTES = 8192  # how much of a file the binary and format sniffers look at
MAX_NUL_SHARE = 0.01  # more NUL bytes than this in the first 8 KB (and not UTF-16): binary
MAX_CONTROL_SHARE = 0.05  # more other C0 control bytes than this: binary

SUFFIX_FORMATS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}

# Signatures of files that are certainly not copy: (magic bytes, what to call it). Only prefixes no
# article can start with; other binaries are caught by their NUL and control bytes.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/XLSX)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (old Word/Excel)"),
    (b"\x7fELF", "an ELF executable"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters that are never prose: C0/C1 controls except tab and line ends, the BOM,
# Unicode line/paragraph separators (Document.position does not count them as line
# ends, so they must not end lines in prose either), lone surrogates, noncharacters.
_NON_PROSE_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_URL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9+.-]{1,15}://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]")
_LINE_END = re.compile(r"\r\n|\r|\n")
# '# audit: ignore[rule] reason' lines in plain text are instructions to the gate, not prose
_AUDIT_COMMENT = re.compile(r"^[ \t]*(?:#|//)[ \t]*audit:[^\r\n]*", re.MULTILINE)
_NOT_LINE_END = re.compile(r"[^\r\n]+")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


# Mask kinds: what each source character becomes in prose.
KEEP, BLANK, ERASE, BREAK, FLOW, CHAR = range(6)
# KEEP: copied. BLANK: space, but line ends stay. ERASE: space, line ends too.
# BREAK: "\n". FLOW: copied, but line ends become spaces. CHAR: a decoded entity character.


class _Mask:
    """Per-character instructions for turning source into prose (one byte per character)."""

    def __init__(self, n: int, default: int = KEEP) -> None:
        self.kinds = bytearray([default]) * n
        self.chars: dict[int, str] = {}

    def set(self, start: int, end: int, kind: int) -> None:
        if end > start:
            self.kinds[start:end] = bytes([kind]) * (end - start)

    def put(self, pos: int, text: str, end: int) -> None:
        """Write `text` at `pos` (one character per position), blank the rest up to `end`."""
        self.set(pos, end, ERASE)
        for i, ch in enumerate(text[: end - pos]):
            self.kinds[pos + i] = CHAR
            self.chars[pos + i] = " " if ch.isspace() or not ch.isprintable() else ch

    def render(self, base: str) -> str:
        out: list[str] = []
        for m in re.finditer(rb"(.)\1*", self.kinds, re.DOTALL):
            start, end, kind = m.start(), m.end(), m.group(1)[0]
            chunk = base[start:end]
            if kind == KEEP:
                out.append(chunk)
            elif kind == BLANK:
                out.append(_NOT_LINE_END.sub(_spaces, chunk))
            elif kind == ERASE:
                out.append(" " * (end - start))
            elif kind == BREAK:
                out.append("\n" * (end - start))
            elif kind == FLOW:
                out.append(chunk.replace("\r", " ").replace("\n", " "))
            else:
                out.append("".join(self.chars.get(i, " ") for i in range(start, end)))
        return "".join(out)


# --- public API -----------------------------------------------------------------------------


def from_text(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """A Document from an already decoded string. `fmt` None: from the suffix of `path`, else sniffed."""
    return _build(text, path, fmt, encoding="utf-8", notices=[])


def from_bytes(data: bytes, path: str = "<bytes>", fmt: str | None = None) -> Document:
    """Decode raw bytes (UTF-8, UTF-16/32 with BOM, cp1252 fallback) into a Document."""
    if len(data) > MAX_BYTES:
        return _failed(path, _too_large(len(data)))
    binary = _binary_kind(data)
    if binary:
        return _failed(path, f"not a text document: looks like {binary}")
    text, encoding, notices = _decode(data)
    return _build(text, path, fmt, encoding=encoding, notices=notices)


def load_path(path: str) -> Document:
    """Read a file (or standard input for `-`); never raises: failures come back in `error`."""
    if path == "-":
        return _read_stream(sys.stdin.buffer, "-")
    try:
        p = Path(path)
        if p.is_dir():
            return _failed(path, "cannot read: is a directory")
        with p.open("rb") as stream:
            return _read_stream(stream, path)
    except FileNotFoundError:
        return _failed(path, "cannot read: no such file")
    except PermissionError:
        return _failed(path, "cannot read: permission denied")
    except IsADirectoryError:
        return _failed(path, "cannot read: is a directory")
    except (OSError, ValueError) as exc:  # ValueError: embedded NUL in the path
        return _failed(path, f"cannot read: {exc.__class__.__name__}: {exc}")


# --- reading and decoding -------------------------------------------------------------------


def _read_stream(stream: BinaryIO, path: str) -> Document:
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return _failed(path, f"cannot read: {exc.__class__.__name__}: {exc}")
    if len(data) > MAX_BYTES:
        return _failed(path, _too_large(None))
    return from_bytes(data, path=path)


def _failed(path: str, message: str) -> Document:
    return Document(path=path, source="", prose="", error=message)


def _too_large(size: int | None) -> str:
    limit = f"{MAX_BYTES // (1024 * 1024)} MB"
    got = f"{size / (1024 * 1024):.1f} MB" if size is not None else f"more than {limit}"
    return f"document too large: {got}, the limit is {limit}"


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte (ASCII text in UTF-16), else None."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _binary_kind(data: bytes) -> str | None:
    """What the bytes look like if they are not text, else None."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, name in BINARY_MAGIC:
        if data.startswith(magic):
            return name
    head = data[:SNIFF_BYTES]
    if not head or _utf16_without_bom(head):
        return None
    if head.count(0) > MAX_NUL_SHARE * len(head):
        return f"binary data ({head.count(0)} NUL bytes in the first {len(head)} bytes)"
    controls = sum(head.count(b) for b in b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14")
    controls += sum(head.count(b) for b in b"\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f")
    if controls > MAX_CONTROL_SHARE * len(head):
        return f"binary data ({controls} control bytes in the first {len(head)} bytes)"
    return None


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, notices). A BOM stays in the text as U+FEFF so offsets match the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding)
    guessed = _utf16_without_bom(data[:SNIFF_BYTES])
    if guessed:
        text, encoding, notices = _decode_as(data, guessed)
        return text, encoding, [f"no byte-order mark; decoded as {encoding}", *notices]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02X} at offset {exc.start}"
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        return text, fallback, [f"not valid UTF-8 ({where}); decoded as {fallback}"]
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _decode_as(data: bytes, encoding: str) -> tuple[str, str, list[str]]:
    try:
        return data.decode(encoding), encoding, []
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        return (
            text,
            encoding,
            [f"invalid {encoding} at byte {exc.start}; undecodable bytes replaced by U+FFFD"],
        )


# --- format and masks -----------------------------------------------------------------------


def _build(text: str, path: str, fmt: str | None, encoding: str, notices: list[str]) -> Document:
    if len(text) > MAX_BYTES:
        return _failed(path, _too_large(len(text)))
    notices = list(notices)
    fmt_ = _format(text, path, fmt, notices)
    base = _NON_PROSE_CHAR.sub(" ", text)
    if "://" in base or "www." in base:  # what every URL the pattern masks holds: most copy has none
        base = _URL.sub(_spaces, base)
    prose = _AUDIT_COMMENT.sub(_spaces, base) if fmt_ == "text" and "audit:" in base else base
    too_big = _too_big_to_parse(text) if fmt_ != "text" else None
    if too_big:
        notices.append(f"{fmt_} document {too_big}: markup not parsed, read as plain text")
    elif fmt_ != "text":
        try:
            prose = _MASKERS[fmt_](text).render(base)
        except Exception as exc:  # a parser bug must not cost the document: fall back to text
            notices.append(f"{fmt_} parser failed ({exc.__class__.__name__}); read as plain text")
    return Document(path=path, source=text, prose=prose, format=fmt_, encoding=encoding, notices=notices)


def _too_big_to_parse(text: str) -> str | None:
    if len(text) > MAX_MARKUP_CHARS:
        return f"over {MAX_MARKUP_CHARS // (1024 * 1024)} MB"
    lines = len(_LINE_END.findall(text, 0, len(text)))
    if lines > MAX_MARKUP_LINES:
        return f"has {lines:,} lines (over {MAX_MARKUP_LINES:,})"
    return None


def _format(text: str, path: str, fmt: str | None, notices: list[str]) -> Format:
    if fmt in ("text", "markdown", "html"):
        return fmt  # type: ignore[return-value]
    if fmt is not None:
        notices.append(f"unknown format {fmt!r}; guessed from the content")
    suffix = Path(path).suffix.lower() if path not in ("-", "") and not path.startswith("<") else ""
    return SUFFIX_FORMATS.get(suffix) or sniff_format(text)


_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<!doctype\s+html)", re.I)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|article|section|span|br|h[1-6]|ul|ol|li|table|a)\b[^<>]{0,200}>", re.I
)
_MD_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"^(?:```|~~~)", re.M),  # fence
    re.compile(r"\[[^\[\]\n]{1,200}\]\([^()\s]{1,500}\)"),  # inline link
    re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S", re.M),  # bullet
    re.compile(r"\*\*\S[^*\n]{0,200}\*\*"),  # strong
)


def sniff_format(text: str) -> Format:
    """Guess the format of input that has no telling suffix (standard input, odd names)."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff")
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 3:
        return "html"
    if _front_matter_end(head) or sum(bool(sign.search(head)) for sign in _MD_SIGNS) >= 2:
        return "markdown"
    return "text"


def _line_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, content end, next line start) of each line; CRLF, CR and LF all end lines."""
    spans: list[tuple[int, int, int]] = []
    start = 0
    for m in _LINE_END.finditer(text):
        spans.append((start, m.start(), m.end()))
        start = m.end()
    spans.append((start, len(text), len(text)))
    return spans


# --- entities (HTML and Markdown) -----------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]{0,40});?)")
_HTML5 = html.entities.html5


def _entity(m: re.Match[str], need_semicolon: bool) -> tuple[str, int] | None:
    """(decoded text, source length) of the entity at `m`, or None if it is no entity."""
    raw = m.group(0)
    if need_semicolon and not raw.endswith(";"):
        return None
    digits = m.group(1) or m.group(2)
    if digits is not None:
        if len(digits) > 8:
            return "\ufffd", len(raw)
        return html.unescape(raw if raw.endswith(";") else raw + ";"), len(raw)
    name = m.group(3)
    if raw.endswith(";") and name + ";" in _HTML5:
        return _HTML5[name + ";"], len(raw)
    if need_semicolon:
        return None
    for cut in range(len(name), 1, -1):  # legacy entities without ';' ("&amp", "&copy2")
        if name[:cut] in _HTML5:
            return _HTML5[name[:cut]], cut + 1
    return None


def _mask_entities(text: str, start: int, end: int, mask: _Mask, need_semicolon: bool) -> None:
    for m in _ENTITY.finditer(text, start, end):
        found = _entity(m, need_semicolon)
        if found:
            decoded, length = found
            mask.put(m.start(), decoded, m.start() + length)


# --- HTML -------------------------------------------------------------------------------------
# A small linear tokenizer after the HTML5 tokenizer states (data, tag, comment, bogus comment,
# raw text). The stdlib html.parser rescans on malformed input (quadratic on "<!--" repeated,
# CVE-2025-6069) and can dump the rest of a page as text after a bad "&#"; this never looks at a
# character twice and gives exact source offsets for free.


@dataclass(frozen=True)
class HtmlElements:
    skip: frozenset[str]  # whole content is not article prose
    raw_text: frozenset[str]  # content is not markup: jump to the end tag
    block: frozenset[str]  # start and end tags end a paragraph


@lru_cache(maxsize=1)
def html_elements() -> HtmlElements:
    """The element lists of audit/data/html.yaml (read on first use, so plain text never pays)."""
    import yaml

    raw = yaml.safe_load(data_text("html.yaml"))

    def names(key: str) -> frozenset[str]:
        return frozenset(str(name).lower() for name in raw[key])

    return HtmlElements(names("skip"), names("raw_text"), names("block"))


_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>\x00]*)")
# Attribute soup up to the closing '>': quoted values may hold '>', an unclosed quote runs to EOF.
_TAG_REST = re.compile(r"""(?:[^>"'=]++|=\s*+"[^"]*+"?|=\s*+'[^']*+'?|=|["'])*+""")
_RAW_END: dict[str, re.Pattern[str]] = {}


def _raw_end(name: str) -> re.Pattern[str]:
    if name not in _RAW_END:
        _RAW_END[name] = re.compile(rf"</{name}(?=[\s/>])", re.I)
    return _RAW_END[name]


def mask_html(text: str) -> _Mask:
    """Mask of an HTML document: body text kept, tags and non-article elements blanked."""
    mask = _Mask(len(text), ERASE)
    _HtmlScanner(text, 0, len(text), mask).run()
    return mask


class _HtmlScanner:
    def __init__(self, text: str, start: int, end: int, mask: _Mask) -> None:
        self.text, self.pos, self.end, self.mask = text, start, end, mask
        self.skipping: dict[str, int] = {}
        self.pre = 0
        self.elements = html_elements()

    def run(self) -> None:
        text, end = self.text, self.end
        while self.pos < end:
            lt = text.find("<", self.pos, end)
            if lt < 0:
                self._data(self.pos, end)
                return
            self._data(self.pos, lt)
            self.pos = self._markup(lt)

    def _data(self, start: int, end: int) -> None:
        if start >= end or any(self.skipping.values()):
            return
        self.mask.set(start, end, KEEP if self.pre else FLOW)
        _mask_entities(self.text, start, end, self.mask, need_semicolon=False)

    def _markup(self, lt: int) -> int:
        """Handle the construct at '<'; return where data resumes."""
        text, end = self.text, self.end
        if text.startswith("<!--", lt):
            if text.startswith(">", lt + 4) or text.startswith("->", lt + 4):
                return lt + 5 if text[lt + 4] == ">" else lt + 6
            close = text.find("-->", lt + 4, end)
            return end if close < 0 else close + 3
        m = _TAG.match(text, lt, end)
        if m is None:
            if text.startswith(("<!", "<?", "</"), lt):  # doctype, CDATA, PI, bogus comment
                close = text.find(">", lt + 2, end)
                return end if close < 0 else close + 1
            self._data(lt, lt + 1)  # a bare '<' is text
            return lt + 1
        rest = _TAG_REST.match(text, m.end(), end)
        stop = rest.end() if rest else m.end()
        if stop >= end:
            return end  # unclosed tag swallows the rest, as browsers do
        name = m.group(2).lower()
        self._tag(name, closing=bool(m.group(1)), self_closing=text[stop - 1] == "/", at=lt)
        if not m.group(1) and name in self.elements.raw_text:
            raw_end = _raw_end(name).search(text, stop + 1, end)
            return end if raw_end is None else raw_end.start()
        return stop + 1

    def _tag(self, name: str, closing: bool, self_closing: bool, at: int) -> None:
        if name in self.elements.block:
            self.mask.set(at, at + 1, BREAK)
        if name == "pre":
            self.pre = max(0, self.pre + (-1 if closing else 1))
        if name == "body" and not closing:
            self.skipping.pop("head", None)
        if name in self.elements.skip and name not in self.elements.raw_text:
            if closing:
                self.skipping[name] = max(0, self.skipping.get(name, 0) - 1)
            elif not self_closing:
                self.skipping[name] = self.skipping.get(name, 0) + 1


# --- Markdown ---------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_MAX_FRONT_MATTER = 200_000


def _front_matter_end(text: str) -> int:
    """End offset of YAML (---) or TOML (+++) front matter at the very top, else 0."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    fence = m.group(1)
    close = re.compile(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
    found = close.search(text, m.end(), min(len(text), _MAX_FRONT_MATTER))
    return found.end() if found else 0


def _markdown_parser() -> Callable[[str], list[Token]]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": 20}).enable("table")
    md.disable(["inline", "text_join"], ignoreInvalid=True)  # blocks only: inline is masked below
    return md.parse


_MD_PARSE: Callable[[str], list[Token]] | None = None

_MD_LEAVES = frozenset({"inline", "fence", "code_block", "html_block", "hr", "table_open"})
_REFERENCE_DEF = re.compile(r"(?:[ \t]*>)*[ \t]{0,3}\[[^\[\]]{1,999}\]:[ \t]*\S")
_BLOCKQUOTE_PREFIX = re.compile(r"(?:[ \t]*>)+")
_LIST_MARKER = re.compile(
    r"(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\](?=[ \t]))?(?=[ \t]|$)", re.M
)
_ATX_OPEN = re.compile(r"(?:[ \t]*>)*[ \t]*#{1,6}(?=[ \t]|$)", re.M)
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$", re.M)
_TABLE_PIPE = re.compile(r"(?<!\\)\|")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~\r\n]")
_BACKTICKS = re.compile(r"`+")
_INLINE_HTML = re.compile(
    r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,2000})?/?"  # tag
    r"|[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]{0,2000}"  # autolink
    r"|[^<>\s@]{1,200}@[^<>\s]{1,200})>"  # email autolink
)
# '](dest "title")', CommonMark's shapes; possessive quantifiers, so a failed match never backtracks.
_LINK_TARGET = re.compile(
    r"\]\(\s*+(?:<[^<>\n]{0,2048}+>|[^\s()]{0,2048}+(?:\([^\s()]{0,2048}+\)[^\s()]{0,2048}+)*+)"
    r"\s*+(?:(?:\"[^\"]{0,2048}+\"|'[^']{0,2048}+'|\([^()]{0,2048}+\))\s*+)?\)"
)
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,1000}\]")
_REF_LINK = re.compile(r"\]\[[^\[\]]{0,1000}\]")
_EMPHASIS = re.compile(r"\*+|~~+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")


def mask_markdown(text: str) -> _Mask:
    """Mask of a Markdown document from markdown-it's block map plus a linear inline pass."""
    global _MD_PARSE
    if _MD_PARSE is None:
        _MD_PARSE = _markdown_parser()
    mask = _Mask(len(text), KEEP)  # lines no block claims (past maxNesting, say) stay prose
    lines = _line_spans(text)
    fm_end = _front_matter_end(text)
    fm_lines = sum(1 for s in lines if s[0] < fm_end)
    mask.set(0, fm_end, BLANK)
    tokens = _MD_PARSE("\n" * fm_lines + "\n".join(text[s[0] : s[1]] for s in lines[fm_lines:]))
    covered, markers = _md_blocks(text, lines, tokens, mask)
    for i in range(fm_lines, len(lines)):
        if not covered[i] and _REFERENCE_DEF.match(text, lines[i][0], lines[i][1]):
            mask.set(lines[i][0], lines[i][1], BLANK)
    _md_markers(text, lines, markers, mask)
    return mask


_Marker = tuple[str, int, int, str]  # token type, first line, last line, markup


def _md_blocks(
    text: str, lines: list[tuple[int, int, int]], tokens: list[Token], mask: _Mask
) -> tuple[bytearray, list[_Marker]]:
    """Mask every leaf block; return which lines a leaf covers and the container markers seen."""
    covered = bytearray(len(lines))
    markers: list[_Marker] = []  # applied after the inline text they sit in
    in_table = False
    for token in tokens:
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        if token.map is None:
            continue
        first, last = token.map[0], min(token.map[1], len(lines)) - 1
        start, stop = lines[first][0], lines[last][1]
        if token.type in _MD_LEAVES:
            covered[first : last + 1] = b"\x01" * (last + 1 - first)
        if token.type in ("fence", "code_block", "hr"):
            mask.set(start, stop, BLANK)
        elif token.type == "inline" and not in_table:
            _md_inline(text, lines, first, last, mask)
        elif token.type == "html_block":
            mask.set(start, stop, BLANK)
            _HtmlScanner(text, start, stop, mask).run()
        elif token.type == "table_open":
            _md_table(text, lines, first, last, mask)
        elif token.type in ("blockquote_open", "list_item_open", "heading_open"):
            markers.append((token.type, first, last, token.markup))
    return covered, markers


def _md_markers(text: str, lines: list[tuple[int, int, int]], markers: list[_Marker], mask: _Mask) -> None:
    """Blank blockquote '>', list bullets and numbers, and heading '#'s and underlines."""
    for kind, first, last, markup in markers:
        if kind == "blockquote_open":
            for span in lines[first : last + 1]:
                _blank_match(_BLOCKQUOTE_PREFIX, text, span, mask)
        elif kind == "list_item_open":
            _blank_match(_LIST_MARKER, text, lines[first], mask)
        else:
            _md_heading(text, lines, first, last, markup, mask)


def _blank_match(pattern: re.Pattern[str], text: str, span: tuple[int, int, int], mask: _Mask) -> None:
    m = pattern.match(text, span[0], span[1])
    if m:
        mask.set(m.start(), m.end(), BLANK)


def _md_heading(
    text: str, lines: list[tuple[int, int, int]], first: int, last: int, markup: str, mask: _Mask
) -> None:
    if markup.startswith("#"):
        _blank_match(_ATX_OPEN, text, lines[first], mask)
        close = _ATX_CLOSE.search(text, lines[first][0], lines[first][1])
        if close:
            mask.set(close.start(), close.end(), BLANK)
    else:  # setext: the underline is the last line
        mask.set(lines[last][0], lines[last][1], BLANK)


def _md_table(text: str, lines: list[tuple[int, int, int]], first: int, last: int, mask: _Mask) -> None:
    for i in range(first, last + 1):
        start, stop, _ = lines[i]
        if i == first + 1:  # the delimiter row |---|:--:|
            mask.set(start, stop, BLANK)
            continue
        mask.set(start, stop, KEEP)
        _md_inline_spans(text, start, stop, mask)
        for m in _TABLE_PIPE.finditer(text, start, stop):
            mask.set(m.start(), m.end(), BLANK)


def _md_inline(text: str, lines: list[tuple[int, int, int]], first: int, last: int, mask: _Mask) -> None:
    start, stop = lines[first][0], lines[last][1]
    mask.set(start, stop, KEEP)
    for s in lines[first:last]:
        mask.set(s[1], s[2], ERASE)  # a soft line break inside the paragraph is a space
    _md_inline_spans(text, start, stop, mask)


def _md_inline_spans(text: str, start: int, stop: int, mask: _Mask) -> None:
    """Blank the inline markup in text[start:stop]; each pass is linear."""
    for m in _EMPHASIS.finditer(text, start, stop):
        mask.set(m.start(), m.end(), ERASE)
    for m in _ESCAPE.finditer(text, start, stop):
        mask.set(m.start(), m.start() + 1, ERASE)
    _mask_entities(text, start, stop, mask, need_semicolon=True)
    for m in _IMAGE.finditer(text, start, stop):
        mask.set(m.start(), m.end(), ERASE)
    for m in _REF_LINK.finditer(text, start, stop):
        mask.set(m.start(), m.end(), ERASE)
    _md_link_targets(text, start, stop, mask)
    _md_brackets(text, start, stop, mask)
    _md_inline_html(text, start, stop, mask)
    _md_code_spans(text, start, stop, mask)


def _md_link_targets(text: str, start: int, stop: int, mask: _Mask) -> None:
    """Blank '](destination "title")' of inline links and images."""
    for m in _LINK_TARGET.finditer(text, start, stop):
        mask.set(m.start(), m.end(), ERASE)


def _md_brackets(text: str, start: int, stop: int, mask: _Mask) -> None:
    for m in re.finditer(r"[\[\]]", text[start:stop]):
        mask.set(start + m.start(), start + m.end(), ERASE)


def _md_inline_html(text: str, start: int, stop: int, mask: _Mask) -> None:
    pos = text.find("<!--", start, stop)
    while pos >= 0:
        close = text.find("-->", pos + 4, stop)
        end = stop if close < 0 else close + 3
        mask.set(pos, end, ERASE)
        pos = text.find("<!--", end, stop)
    for m in _INLINE_HTML.finditer(text, start, stop):
        mask.set(m.start(), m.end(), ERASE)


def _md_code_spans(text: str, start: int, stop: int, mask: _Mask) -> None:
    """Blank `code` spans: a run of n backticks up to the next run of exactly n (linear)."""
    found = [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(text, start, stop)]
    by_size: dict[int, list[int]] = {}
    for pos, size in found:
        by_size.setdefault(size, []).append(pos)
    next_of_size = dict.fromkeys(by_size, 0)  # index of the first run of that size not yet passed
    consumed = start
    for pos, size in found:
        if pos < consumed:
            continue
        runs, k = by_size[size], next_of_size[size]
        while k < len(runs) and runs[k] <= pos:
            k += 1
        next_of_size[size] = k
        if k < len(runs):
            consumed = runs[k] + size
            mask.set(pos, consumed, ERASE)
        else:
            mask.set(pos, pos + size, ERASE)  # an unmatched run is literal backticks: blank just them


_MASKERS: dict[str, Callable[[str], _Mask]] = {"html": mask_html, "markdown": mask_markdown}
