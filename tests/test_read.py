"""The reader: formats, encodings, masking that keeps offsets, and bad input as one-line skips."""
from __future__ import annotations

import json

import pytest

import doctest

from newsgraph.extract import read
from newsgraph.extract.read import (Skip, decode_bytes, find_byline, find_dateline_outlet, make_document, mask_html,
                                    mask_markdown, read_documents)


def docs(paths):
    got = list(read_documents(paths))
    return [g for g in got if not isinstance(g, Skip)], [g for g in got if isinstance(g, Skip)]


def test_markdown_masking_keeps_length_and_link_text():
    t = "## **Idlib**: [Al Qaeda](http://example.test/x)'s *last* stand\n> quoted `code`"
    m = mask_markdown(t)
    assert len(m) == len(t)
    assert m.split() == ["Idlib", ":", "Al", "Qaeda", "'s", "last", "stand", "quoted", "code"]
    i = m.index("Al Qaeda")
    assert t[i:i + 8] == "Al Qaeda"


def test_nlp_view_has_plain_quotes_at_the_same_offsets():
    text = "NASA’s “Jet Propulsion Laboratory” and O‘Neil"
    document, nlp_text = make_document("d", "d.txt", text, "txt", "utf-8")
    assert document.text == text and len(nlp_text) == len(text)
    assert nlp_text == "NASA's \"Jet Propulsion Laboratory\" and O'Neil"
    assert read.typographic_quotes(nlp_text, text) == text


def test_doctests():
    assert doctest.testmod(read).failed == 0


def test_broken_paragraphs_are_joined_but_real_ones_kept():
    t = "which has repeatedly cooperated\n\nwith the group.\n\nNext paragraph."
    m = mask_markdown(t)
    assert "cooperated" in m and "\n\nNext" in m
    assert "cooperated\n" not in m


def test_html_masking():
    t = '<p>Iran &amp; Hezbollah</p><script>alert("BBC")</script><style>p{}</style><!-- RT -->'
    m = mask_html(t)
    assert len(m) == len(t)
    assert "BBC" not in m and "RT" not in m and "alert" not in m
    assert m.split() == ["Iran", "&", "Hezbollah"]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_other_encodings_are_detected(tmp_path, encoding):
    text = "Erdoğan" if encoding in ("utf-16", "utf-8-sig") else "The café in Raqqa — Turkey’s role, naïve résumé"
    if encoding == "latin-1":
        text = "The café in Raqqa, naïve résumé, Turkey's role and more words to detect the encoding reliably."
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    found, skipped = docs([p])
    assert not skipped
    assert found[0][0].text == text


def test_crlf_is_kept_and_offsets_hold(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Title\r\n\r\nTurkey backs the rebels.\r\n")
    (doc, masked), = docs([p])[0]
    assert doc.text == "Title\r\n\r\nTurkey backs the rebels.\r\n"
    assert len(masked) == len(doc.text)


def test_bad_inputs_are_skips_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ws.txt").write_bytes(b" \n\t ")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "ok.md").write_text("Russia bombed Idlib.")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    found, skipped = docs([tmp_path, tmp_path / "missing"])
    assert [d.id for d, _ in found] == ["ok"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons["empty.txt"].startswith("empty")
    assert reasons["ws.txt"].startswith("empty")
    assert "binary" in reasons["bin.txt"]
    assert "no such file" in reasons["missing"]
    assert all("\n" not in str(s) for s in skipped)


def test_symlink_loop_is_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Iran funds Hezbollah.")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found, skipped = docs([tmp_path])
    assert [d.id for d, _ in found] == ["x"]
    assert any("loop" in s.reason for s in skipped)


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path):
    p = tmp_path / "w.jsonl"
    p.write_text("\n".join([json.dumps({"id": "a", "text": "Iran."}), "{oops", json.dumps([1]),
                            json.dumps({"id": "b"}), json.dumps({"id": "a", "text": "dup"})]) + "\n")
    found, skipped = docs([p])
    assert [d.id for d, _ in found] == ["a"]
    lines = sorted(s.path.rsplit(":", 1)[1] for s in skipped)
    assert lines == ["2", "3", "4", "5"]


def test_decode_rejects_binary():
    with pytest.raises(ValueError):
        decode_bytes(b"\x00\x00abc")


def test_byline():
    assert find_byline("Title\n\nBy Jane Roe on Example Times\n\nBody.") == ("Jane Roe", "Example Times")
    assert find_byline("Just a title\n\nBody text here.") == (None, None)


@pytest.mark.parametrize("text, outlet", [
    ("Title\n\nBy Nick Brown\nFeb 9 (Reuters) - Puerto Rico said on Friday it will receive aid.", "Reuters"),
    ("Title\nSANTA FE, N.M. (AP) - Federal prosecutors say the FBI has arrested five people.", "AP"),
    ("Title\nLondon (CNSNews.com) – At the online Labour Party shop, you can still buy a T-shirt.", "CNSNews.com"),
    # a parenthesis after an ordinary clause is no dateline
    ("Title\nLast week, Acta Apostolicae Sedis (AAS)—the Vatican's organ—published a letter.", None),
])
def test_dateline_outlet(text, outlet):
    assert find_dateline_outlet(text) == outlet
