"""One marks table (doctor/render/marks.py): every renderer shows a status the same way."""

from __future__ import annotations

import io

from doctor.findings import Status, fail, ok
from doctor.render import markdown, marks, terminal


def test_every_status_has_a_mark_everywhere():
    for table in (marks.TERMINAL, marks.PLAIN, marks.MARKDOWN, marks.STYLE):
        assert set(table) == set(Status)
    assert all(m.isascii() for m in marks.PLAIN.values())


def test_renderers_use_the_one_table():
    assert terminal.MARKS is marks.TERMINAL and terminal.PLAIN_MARKS is marks.PLAIN and markdown.ICONS is marks.MARKDOWN
    a = fail("x.fail", "broken")
    a.area = "System"
    b = ok("x.ok", "fine")
    b.area = "System"
    buf = io.StringIO()
    terminal.render([a, b], buf)
    text = buf.getvalue()
    assert f"{marks.TERMINAL[Status.FAIL]} broken" in text and f"{marks.TERMINAL[Status.OK]} fine" in text
    md = markdown.render([a, b], {"schema": "klein-doctor-facts/1"}, redacted=True)
    assert f"{marks.MARKDOWN[Status.FAIL]} **broken**" in md


def test_explain_marks_come_from_the_table():
    from doctor import explain

    assert explain._mark("fail") in (marks.TERMINAL[Status.FAIL], marks.PLAIN[Status.FAIL])
    assert marks.terminal("warn", fancy=False) == "[!]" and marks.terminal("nonsense") == "?"
