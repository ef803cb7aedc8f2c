"""Zip bombs and other hostile Office files, built when a test asks for them: small on disk
(highly compressible data), never committed as binaries. Each starts from a real workbook
(openpyxl) or Word document (python-docx) and changes or adds one part, so that what
refuses it is the part named, not a broken package.

`BOMBS` lists them with the extension they carry, where they are refused (by the zip
check every upload passes, or only where the file is parsed) and a fragment of the Dutch
message the user gets. `tests/test_upload_bombs.py` posts each to every upload field;
`bench/upload_bomb.py` times the first.
"""

from __future__ import annotations

import functools
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

MiB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
DOCUMENT = "word/document.xml"
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

Part = bytes | Iterable[bytes]


RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"


@functools.cache
def workbook() -> bytes:
    """A workbook as Excel writes one (openpyxl writes its text inline, Excel in a shared
    strings part): a header and one row, its text in shared strings."""
    types = (
        f'<Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEET}.sheet.main+xml"/>'
        f'<Override PartName="/{SHEET}" ContentType="{SPREADSHEET}.worksheet+xml"/>'
        f'<Override PartName="/{STRINGS}" ContentType="{SPREADSHEET}.sharedStrings+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{SPREADSHEET}.styles+xml"/>'
        "</Types>"
    )
    package_relations = (
        f'<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    book = (
        f'<workbook {MAIN} xmlns:r="{RELATIONSHIP}">'
        '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_relations = (
        f'<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{RELATIONSHIP}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{RELATIONSHIP}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    sheet = (
        f'<worksheet {MAIN}><dimension ref="A1:C2"/><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>1</v></c>'
        '<c r="C2"><v>8</v></c></row></sheetData></worksheet>'
    )
    strings = (
        f'<sst {MAIN} count="5" uniqueCount="4">'
        + "".join(
            f"<si><t>{text}</t></si>" for text in ("datum", "medewerker", "uren", "2021-03-01")
        )
        + "</sst>"
    )
    styles = (
        f'<styleSheet {MAIN}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>'
        '</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="1"><xf xfId="0"/></cellXfs><cellStyles count="1">'
        '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("[Content_Types].xml", types),
            ("_rels/.rels", package_relations),
            ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", book_relations),
            (SHEET, sheet),
            (STRINGS, strings),
            ("xl/styles.xml", styles),
        ):
            archive.writestr(
                name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text
            )
    return out.getvalue()


@functools.cache
def word_document() -> bytes:
    """A real Word document (python-docx) with one paragraph."""
    from docx import Document

    document = Document()
    document.add_paragraph("Offerte {offertenummer}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def repack(base: bytes, parts: dict[str, Part]) -> bytes:
    """`base` with `parts` replaced or added; a part may be an iterable of chunks, written
    as it comes so that a part of hundreds of MiB never sits in memory."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info.filename, source.read(info))
        for name, content in parts.items():
            with target.open(name, "w") as stream:
                for chunk in [content] if isinstance(content, bytes) else content:
                    stream.write(chunk)
    return out.getvalue()


def repeated(head: str, item: str, tail: str, size: int) -> Iterator[bytes]:
    """`head`, then `item` repeated to about `size` bytes, then `tail`."""
    yield head.encode()
    block = (item * max(1, 64 * 1024 // len(item))).encode()
    for _ in range(size // len(block) + 1):
        yield block
    yield tail.encode()


def shared_strings_bomb(size: int = 200 * MiB) -> bytes:
    """The workbook of issue 14: its shared strings unpack to `size` bytes of one-letter
    strings (200 MiB in about 510 KB)."""
    strings = repeated(f"<sst {MAIN}>", "<si><t>A</t></si>", "</sst>", size)
    return repack(workbook(), {STRINGS: strings})


def document_bomb(size: int = 200 * MiB) -> bytes:
    """A Word document whose text unpacks to `size` bytes."""
    body = repeated(
        f"<w:document {WORD}><w:body>",
        "<w:p><w:r><w:t>A</w:t></w:r></w:p>",
        "</w:body></w:document>",
        size,
    )
    return repack(word_document(), {DOCUMENT: body})


def many_members(base: bytes, count: int = 5000) -> bytes:
    """`base` with `count` more (empty) members: every part a reader looks at is intact."""
    return repack(base, {f"customXml/item{n}.xml": b"" for n in range(count)})


def ratio_bomb(base: bytes, part: str, size: int = 40 * MiB) -> bytes:
    """`base` with a part that unpacks to `size` (less than the total limit) at a ratio of
    about 1,000."""
    return repack(base, {part: repeated("", " ", "", size)})


def lying_sizes(base: bytes, part: str, size: int = 200 * MiB) -> bytes:
    """`base` with a part that unpacks to `size` bytes while the archive's headers state
    1 KiB and the checksum of its first KiB: a reader that trusts the headers sees a small,
    intact part."""
    data = bytearray(repack(base, {part: repeated("", "<x/>", "", size)}))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(part)
    with archive.open(info) as stream:
        head = stream.read(1024)
    checksum = zlib.crc32(head)
    # The local header (checksum at 14, unpacked size at 22) and the central directory's
    # entry for the part (checksum at 16, unpacked size at 24).
    struct.pack_into("<II", data, info.header_offset + 14, checksum, info.compress_size)
    struct.pack_into("<I", data, info.header_offset + 22, len(head))
    entry = data.find(b"PK\x01\x02", archive.start_dir)
    while entry != -1:
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + length] == part.encode():
            struct.pack_into("<I", data, entry + 16, checksum)
            struct.pack_into("<I", data, entry + 24, len(head))
            break
        entry = data.find(b"PK\x01\x02", entry + 46)
    return bytes(data)


def wide_row() -> bytes:
    """A workbook whose first row has 60,000 cells (Excel's most is 16,384): under 1 MiB
    unpacked, so only reading it shows it. openpyxl builds a whole row before it hands it
    over; 2.5 million such cells held a reader for over a minute at 1.1 GB."""
    cells = repeated(f'<worksheet {MAIN}><sheetData><row r="1">', "<c><v>1</v></c>", "", 960_000)
    return repack(workbook(), {SHEET: [*cells, b"</row></sheetData></worksheet>"]})


def styles_bomb() -> bytes:
    """A workbook with 40,000 cell formats in its styles, which openpyxl parses whole into
    objects (300,000 of them held a reader for 25 s at 625 MB)."""
    styles = repeated(
        f'<styleSheet {MAIN}><cellXfs count="40000">',
        '<xf numFmtId="0"/>',
        "</cellXfs></styleSheet>",
        40_000 * 18,
    )
    return repack(workbook(), {"xl/styles.xml": styles})


def varied_row(cells: int, seed: int = 14) -> bytes:
    """A workbook whose first row holds `cells` random numbers. It packs about 5 times, as
    real data does, so the zip check lets 2.5 million cells through (9.5 MB, 48 MiB
    unpacked); only counting what openpyxl builds refuses it. For the benchmark."""
    generator = random.Random(seed)

    def row() -> Iterator[bytes]:
        yield f'<worksheet {MAIN}><sheetData><row r="1">'.encode()
        for _ in range(cells // 10_000):
            yield "".join(
                f"<c><v>{generator.randint(0, 10**6)}</v></c>" for _ in range(10_000)
            ).encode()
        yield b"</row></sheetData></worksheet>"

    return repack(workbook(), {SHEET: row()})


def varied_styles(formats: int, seed: int = 14) -> bytes:
    """A workbook with `formats` cell formats of random number formats: it packs about 54
    times, under the ratio (300,000 formats: 470 KB, 25 MB unpacked). For the benchmark."""
    generator = random.Random(seed)

    def styles() -> Iterator[bytes]:
        yield f'<styleSheet {MAIN}><cellXfs count="{formats}">'.encode()
        for _ in range(formats // 1000):
            yield "".join(
                f'<xf numFmtId="{generator.randint(0, 49)}" fontId="0" xfId="0"/>'
                for _ in range(1000)
            ).encode()
        yield b"</cellXfs></styleSheet>"

    return repack(workbook(), {"xl/styles.xml": styles()})


def many_strings(count: int, seed: int = 14) -> bytes:
    """A workbook with `count` different short shared strings, all of which openpyxl keeps
    in memory. For the benchmark: 740,000 is about the most a file within every limit can
    hold (5 MB on disk)."""
    generator = random.Random(seed)

    def strings() -> Iterator[bytes]:
        yield f"<sst {MAIN}>".encode()
        for _ in range(count // 10_000):
            yield "".join(
                f"<si><t>{generator.getrandbits(40):x}</t></si>" for _ in range(10_000)
            ).encode()
        yield b"</sst>"

    return repack(workbook(), {STRINGS: strings()})


def entity_bomb(base: bytes, part: str, root: str, namespace: str) -> bytes:
    """`base` with `part` carrying the "billion laughs": entities that expand to 10^9."""
    lol = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{n} "{"".join(f"&a{n - 1};" for _ in range(10))}">' for n in range(1, 10)
    ]
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE {root} [{"".join(lol)}]><{root} {namespace}>&a9;</{root}>'
    )
    return repack(base, {part: xml.encode()})


def many_elements(count: int = 600_000) -> bytes:
    """A Word document with `count` paragraphs spread over parts of less than 1 MiB each
    (each packs to almost nothing, but is under the ratio's grace)."""
    per_part = 150_000
    parts: dict[str, Part] = {}
    for n in range(count // per_part):
        parts[f"word/glossary/part{n}.xml"] = [
            *repeated(f"<w:document {WORD}><w:body>", "<w:p/>", "", per_part * 6),
            b"</w:body></w:document>",
        ]
    return repack(word_document(), parts)


def random_cells(rows: int, columns: int, seed: int = 14) -> bytes:
    """A real workbook of `rows` × `columns` of random numbers: what an honest import of
    that size looks like, for the benchmark's baseline."""
    from openpyxl import Workbook

    generator = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([f"kolom{n}" for n in range(columns)])
    for _ in range(rows):
        sheet.append([generator.randint(0, 10**6) for _ in range(columns)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Bomb:
    name: str
    extension: str
    build: Callable[[], bytes]
    refused_by: str  # "archive": every upload refuses it; "reading": only where it is parsed
    message: str  # a fragment of the Dutch message

    @functools.cached_property
    def content(self) -> bytes:
        return self.build()


ARCHIVE, READING = "archive", "reading"
UNPACKS_TOO_FAR = "pakt uit tot meer dan"
TOO_MANY_PARTS = "bestaat uit meer dan"
PACKED_TOO_TIGHTLY = "keer zijn ingepakte grootte"
SIZES_NOT_TRUE = "kleinere groottes"

BOMBS = [
    Bomb("shared strings 200 MiB", ".xlsx", shared_strings_bomb, ARCHIVE, UNPACKS_TOO_FAR),
    Bomb("word text 120 MiB", ".docx", lambda: document_bomb(120 * MiB), ARCHIVE, UNPACKS_TOO_FAR),
    Bomb("5,000 members xlsx", ".xlsx", lambda: many_members(workbook()), ARCHIVE, TOO_MANY_PARTS),
    Bomb(
        "5,000 members docx",
        ".docx",
        lambda: many_members(word_document()),
        ARCHIVE,
        TOO_MANY_PARTS,
    ),
    Bomb(
        "sheet packed 1000x",
        ".xlsx",
        lambda: ratio_bomb(workbook(), SHEET),
        ARCHIVE,
        PACKED_TOO_TIGHTLY,
    ),
    Bomb(
        "lying sizes xlsx",
        ".xlsx",
        lambda: lying_sizes(workbook(), STRINGS, 32 * MiB),
        ARCHIVE,
        SIZES_NOT_TRUE,
    ),
    Bomb(
        "lying sizes docx",
        ".docx",
        lambda: lying_sizes(word_document(), DOCUMENT, 32 * MiB),
        ARCHIVE,
        SIZES_NOT_TRUE,
    ),
    Bomb("row of 60,000 cells", ".xlsx", wide_row, READING, "bevat meer dan"),
    Bomb("40,000 cell formats", ".xlsx", styles_bomb, READING, "opmaak of opbouw"),
    Bomb(
        "billion laughs xlsx",
        ".xlsx",
        lambda: entity_bomb(workbook(), STRINGS, "sst", MAIN),
        READING,
        "DOCTYPE",
    ),
    Bomb(
        "billion laughs docx",
        ".docx",
        lambda: entity_bomb(word_document(), DOCUMENT, "w:document", WORD),
        READING,
        "DOCTYPE",
    ),
    Bomb("600,000 elements docx", ".docx", many_elements, READING, "bevat meer dan"),
]
