"""The zip check (koers.core.archives) at its boundaries: each limit passes at its value
and refuses one past it, with the code that names the reason."""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError

from koers.core import archives
from koers.core.archives import RATIO_GRACE, ArchiveLimits, check_archive
from tests.core.zip_bombs import lying_sizes, random_cells, repack, word_document, workbook

SMALL = ArchiveLimits(max_unpacked=4 * RATIO_GRACE, max_members=10, max_ratio=100)


def archive_of(members: dict[str, bytes]) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    out.seek(0)
    return out


def refusal(file: io.BytesIO, limits: ArchiveLimits = SMALL) -> str | None:
    try:
        check_archive(file, limits)
    except ValidationError as error:
        return error.code
    return None


def test_real_office_files_pass_the_limits_of_parsed_files() -> None:
    for real in (workbook(), word_document(), random_cells(20_000, 7)):
        assert refusal(io.BytesIO(real), archives.PARSED) is None


def test_members_up_to_the_limit_pass_one_more_is_refused() -> None:
    assert refusal(archive_of({f"{n}.xml": b"<a/>" for n in range(10)})) is None
    assert refusal(archive_of({f"{n}.xml": b"<a/>" for n in range(11)})) == "archive_members"


def test_the_total_unpacked_size_counts_every_member() -> None:
    # Random bytes do not pack: the ratio is never the reason here.
    quarter = SMALL.max_unpacked // 4
    parts = {f"{n}.bin": _incompressible(quarter, seed=n) for n in range(4)}
    assert refusal(archive_of(parts)) is None
    parts["extra.bin"] = b"x"
    assert refusal(archive_of(parts)) == "archive_unpacked"


def test_a_small_member_may_pack_tightly_a_larger_one_may_not() -> None:
    assert refusal(archive_of({"grace.xml": b" " * RATIO_GRACE})) is None
    assert refusal(archive_of({"bomb.xml": b" " * (RATIO_GRACE + 1)})) == "archive_ratio"


def test_a_member_that_states_less_than_it_holds_is_refused() -> None:
    lying = lying_sizes(workbook(), "xl/sharedStrings.xml", 8 * RATIO_GRACE)
    # Python's zipfile alone gives only the 1 KiB stated, with a matching checksum ...
    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert len(archive.read("xl/sharedStrings.xml")) == 1024
    # ... the check unpacks what it really holds.
    assert refusal(io.BytesIO(lying), archives.PARSED) == "archive_sizes"


def test_a_damaged_member_is_refused_with_a_message() -> None:
    data = bytearray(archive_of({"a.xml": _incompressible(1000, seed=1)}).getvalue())
    start = data.index(b"a.xml") + len(b"a.xml")  # the member's data follows its local header
    data[start + 10] ^= 0xFF
    assert refusal(io.BytesIO(bytes(data))) == "archive_damaged"
    assert refusal(io.BytesIO(b"PK\x03\x04 not really a zip")) == "archive_damaged"


def test_the_file_is_left_at_its_start() -> None:
    file = io.BytesIO(workbook())
    file.seek(100)
    check_archive(file, archives.PARSED)
    assert file.tell() == 0


def test_a_word_document_in_an_archive_of_a_thousand_and_one_parts_is_refused() -> None:
    members = {f"customXml/item{n}.xml": b"" for n in range(archives.MAX_MEMBERS)}
    assert refusal(io.BytesIO(repack(word_document(), members)), archives.STORED) == (
        "archive_members"
    )


def _incompressible(size: int, *, seed: int) -> bytes:
    import random

    return random.Random(seed).randbytes(size)
