"""A zip archive is someone else's file: what is taken out of it, what is skipped with a note, and what refuses the
whole archive, measured before anything is inflated."""

import io
import zipfile

import pytest

from meetings.importing import archives
from meetings.importing.archives import ArchiveRefused

from .documents import as_docx, as_pdf, as_zip, protocol


def documents_of(data: bytes):
    return archives.documents(io.BytesIO(data), len(data))


def test_the_documents_are_taken_out_and_folders_and_os_files_are_skipped_with_a_note():
    data = as_zip(
        {
            "2019/": b"",
            "2019/styrelse-03.txt": protocol(1).encode(),
            "2019/styrelse-04.docx": as_docx(protocol(2)),
            "2019/styrelse-05.pdf": as_pdf(protocol(3)),
            "__MACOSX/2019/._styrelse-03.txt": b"\x00\x05\x16\x07resource fork",
            "2019/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "Thumbs.db": b"\xd0\xcf\x11\xe0",
        }
    )
    members, skipped = documents_of(data)
    assert [m.name for m in members] == ["2019/styrelse-03.txt", "2019/styrelse-04.docx", "2019/styrelse-05.pdf"]
    assert members[0].read() == protocol(1).encode() and members[0].size == len(protocol(1).encode())
    assert sorted(s.name for s in skipped) == ["2019/.DS_Store", "Thumbs.db", "__MACOSX/2019/._styrelse-03.txt"]
    assert all(s.reason == "systemfil, hoppas över" for s in skipped)


def test_a_member_whose_content_is_not_its_type_or_that_is_empty_or_foreign_is_skipped_with_why():
    data = as_zip(
        {
            "ok.txt": protocol().encode(),
            "fake.pdf": b"just text pretending",
            "fake.docx": b"%PDF-1.4 not a word file",
            "tom.txt": b"",
            "bild.txt": b"\x00\x01\x02" * 100,
            "inre.zip": as_zip({"a.txt": b"x"}),
            "kalkyl.xlsx": b"PK\x03\x04",
        }
    )
    members, skipped = documents_of(data)
    assert [m.name for m in members] == ["ok.txt"]
    reasons = {s.name: s.reason for s in skipped}
    assert "inte en PDF" in reasons["fake.pdf"] and "inte ett Word-dokument" in reasons["fake.docx"]
    assert reasons["tom.txt"] == "Filen är tom." and "inte en textfil" in reasons["bild.txt"]
    assert "Filtypen stöds inte" in reasons["inre.zip"] and "Filtypen stöds inte" in reasons["kalkyl.xlsx"]


@pytest.mark.parametrize("name", ["../utanför.txt", "a/../../utanför.txt", "/etc/passwd.txt", "C:/Windows/x.txt"])
def test_a_name_that_climbs_out_of_the_archive_refuses_it(name):
    with pytest.raises(ArchiveRefused) as refused:
        documents_of(as_zip({"ok.txt": protocol().encode(), name: protocol().encode()}))
    assert refused.value.code == "unsafe_name"


def test_a_backslash_path_that_climbs_out_refuses_it_too():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("..\\..\\utanför.txt"), protocol().encode())
    with pytest.raises(ArchiveRefused):
        documents_of(out.getvalue())


def test_a_link_refuses_the_archive():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        link = zipfile.ZipInfo("länk.txt")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(ArchiveRefused) as refused:
        documents_of(out.getvalue())
    assert refused.value.code == "unsafe_name"


def test_too_many_entries_are_refused_from_the_end_record_before_zipfile_reads_the_directory(monkeypatch):
    monkeypatch.setattr(archives, "ARCHIVE_MAX_ENTRIES", 5)
    data = as_zip({f"{n}.txt": protocol(n).encode() for n in range(1, 7)})
    with pytest.raises(ArchiveRefused) as refused:
        documents_of(data)
    assert refused.value.code == "too_many_entries"
    monkeypatch.setattr(zipfile, "ZipFile", None)  # the end record alone refuses it
    with pytest.raises(ArchiveRefused):
        documents_of(data)


def test_what_the_directory_says_it_unpacks_to_is_bounded(monkeypatch):
    monkeypatch.setattr(archives, "ARCHIVE_MAX_UNPACKED", 1000)
    with pytest.raises(ArchiveRefused) as refused:
        documents_of(as_zip({"a.txt": protocol().encode() * 10}))
    assert refused.value.code == "too_much_unpacked"


def test_a_member_that_inflates_a_thousandfold_or_past_20_mb_is_skipped():
    data = as_zip({"bomb.txt": b"a" * (3 * 1024 * 1024), "ok.txt": protocol().encode()})
    members, skipped = documents_of(data)
    assert [m.name for m in members] == ["ok.txt"]
    assert skipped[0].name == "bomb.txt" and "orimligt" in skipped[0].reason


def test_an_encrypted_member_is_skipped():
    data = bytearray(as_zip({"hemlig.txt": protocol().encode()}))
    # Set the "encrypted" bit in the central directory's entry (general purpose flags, bit 0).
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 0x1
    members, skipped = documents_of(bytes(data))
    assert members == [] and skipped[0].reason == "krypterad, kan inte läsas"


@pytest.mark.parametrize("data", [b"not a zip at all", b"PK\x03\x04broken", b""])
def test_a_file_that_is_not_a_zip_is_refused(data):
    with pytest.raises(ArchiveRefused) as refused:
        documents_of(data)
    assert refused.value.code == "not_a_zip"


def test_an_archive_over_the_size_limit_is_refused_unread():
    with pytest.raises(ArchiveRefused) as refused:
        archives.documents(io.BytesIO(b""), archives.ARCHIVE_MAX_BYTES + 1)
    assert refused.value.code == "too_large"


def test_every_refusal_and_note_has_a_message():
    assert all(str(m) for m in archives.MESSAGES.values()) and all(str(m) for m in archives.NOTES.values())
