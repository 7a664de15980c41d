"""The complete summary screen: figures, data checks and writing the report."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
from pilot_keys import type_into
from rich.console import Console
from textual.containers import VerticalScroll
from textual.widgets import Input, Select

from sendias_tui.domain.metrics import MonthlyMetrics
from sendias_tui.publish import ReportFormat
from sendias_tui.publish.assemble import SUPPRESS_BELOW_SETTING
from sendias_tui.publish.md_writer import escape_markdown
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.summary import SummaryScreen
from sendias_tui.screens.write_report import WriteReportScreen
from sendias_tui.storage import EnquiryStore
from sendias_tui.widgets.quality_panel import QualityPanel


def widget_text(screen, widget_id: str) -> str:
    """Return a widget's content as the screen's 76-column monochrome text."""
    console = Console(file=io.StringIO(), width=76, color_system=None)
    console.print(screen.query_one(f"#{widget_id}").content)
    return console.file.getvalue()


def line_with(text: str, label: str) -> str:
    for line in text.splitlines():
        if line.strip().startswith(label):
            return line
    raise AssertionError(f"no line starting '{label}' in:\n{text}")


async def open_summary(pilot) -> SummaryScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


async def open_write_dialog(pilot) -> WriteReportScreen:
    await pilot.press("w")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, WriteReportScreen)
    return dialog


async def finish_writing(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_summary_chart_shows_labels_and_values(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14), age_group="5-10"))
    store.add(make_enquiry(date(2023, 8, 15), age_group="5-10"))
    store.add(make_enquiry(date(2023, 9, 4), age_group="11-15"))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        chart = widget_text(screen, "chart-figure2_age_group")

        assert "Figure 2: New enquiries by age group, 2023-Q3" in chart
        assert line_with(chart, "5-10").split()[-1] == "2"
        assert line_with(chart, "11-15").split()[-1] == "1"
        assert line_with(chart, "Under 5").split()[-1] == "0"
        assert "█" in line_with(chart, "5-10")


async def test_summary_shows_interpreting_sentences(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        text = widget_text(screen, "summary-commentary")

        assert "There was 1 new enquiry in 2023-Q3." in text
        assert "Level 2 work was 100% of new casework" in text


async def test_checks_panel_lists_missing_gender(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))
    missing = store.add(make_enquiry(date(2023, 8, 15), gender=None))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        text = widget_text(screen, "summary-checks")

        assert text.startswith("Data checks: ")
        assert f"Warning: 1 new enquiry has no gender: record {missing.id}." in " ".join(text.split())
        assert screen.query_one(QualityPanel).has_class("has-problems")


async def test_checks_panel_lists_errors_first(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 15), gender=None, ehcp=None))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        lines = [line for line in widget_text(screen, "summary-checks").splitlines() if ":" in line]
        severities = [line.split(":")[0] for line in lines[1:] if line.split(":")[0] in ("Error", "Warning")]

        assert severities[0] == "Error"
        assert "Warning" in severities
        assert severities == sorted(severities, key=lambda word: word != "Error")


async def test_checks_panel_one_line_when_clean(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 5, 10)))
    for month in (4, 5, 6):
        store.save_metrics(MonthlyMetrics(2023, month, website_views=100))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        await pilot.press("[")
        await pilot.pause()
        assert screen.quarter.code == "2023-Q2"

        assert widget_text(screen, "summary-checks").strip() == "Data checks: No problems found"
        assert not screen.query_one(QualityPanel).has_class("has-problems")


async def test_c_jumps_to_checks(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14), gender=None))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        body = screen.query_one("#summary-body", VerticalScroll)
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y > 0

        await pilot.press("c")
        await pilot.pause()
        panel = screen.query_one(QualityPanel)
        assert body.scroll_y == panel.virtual_region.y


async def test_write_report_as_markdown(runner, store, make_enquiry, tmp_path: Path):
    store.add(make_enquiry(date(2023, 8, 14)))
    output = tmp_path / "summary-q3.md"

    async with runner.run() as pilot:
        await open_summary(pilot)
        dialog = await open_write_dialog(pilot)
        assert dialog.query_one("#write-path", Input).value == "~/sendias-2023-Q3.docx"

        await pilot.press("shift+tab", "enter", "down", "down", "enter")
        await pilot.pause()
        assert dialog.query_one("#write-format", Select).value is ReportFormat.MD
        assert dialog.query_one("#write-path", Input).value == "~/sendias-2023-Q3.md"

        await type_into(pilot, "write-path", str(output))
        await type_into(pilot, "write-suppress", "3")
        await pilot.press("enter")
        await finish_writing(pilot)

        assert isinstance(pilot.app.screen, SummaryScreen)
        text = output.read_text(encoding="utf-8")
        assert escape_markdown("Table 1: Enquiries and redirected calls by month, 2023-Q3") in text
        assert "Counts from 1 to 2 are shown as" in text
        assert store.get_setting(SUPPRESS_BELOW_SETTING) == 3
        assert any(
            str(output) in message and "Wrote the 2023-Q3 report" in message
            for message in runner.notifications
        )


async def test_write_report_as_word(runner, store, make_enquiry, tmp_path: Path):
    store.add(make_enquiry(date(2023, 8, 14)))
    output = tmp_path / "summary-q3.docx"

    async with runner.run() as pilot:
        await open_summary(pilot)
        await open_write_dialog(pilot)
        await type_into(pilot, "write-path", str(output))
        await pilot.press("ctrl+s")
        await finish_writing(pilot)

    word = docx.Document(str(output))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert any(text.startswith("Table 1: ") and "2023-Q3" in text for text in texts)
    assert len(word.tables) > 0
    assert output.stat().st_mode & 0o077 == 0


async def test_write_report_asks_before_replacing(runner, store, make_enquiry, tmp_path: Path):
    store.add(make_enquiry(date(2023, 8, 14)))
    output = tmp_path / "summary-q3.md"
    output.write_text("earlier report", encoding="utf-8")

    async with runner.run() as pilot:
        await open_summary(pilot)
        dialog = await open_write_dialog(pilot)
        await pilot.press("shift+tab", "enter", "down", "down", "enter")
        await type_into(pilot, "write-path", str(output))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)

        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen is dialog
        error = str(dialog.query_one("#write-errors").content)
        assert f"{output} already exists" in error
        await finish_writing(pilot)
        assert output.read_text(encoding="utf-8") == "earlier report"

        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await finish_writing(pilot)

        assert isinstance(pilot.app.screen, SummaryScreen)
        assert "Table 1" in output.read_text(encoding="utf-8")


async def test_write_report_rejects_missing_folder(runner, store, make_enquiry, tmp_path: Path):
    store.add(make_enquiry(date(2023, 8, 14)))
    output = tmp_path / "no-such-folder" / "summary.docx"

    async with runner.run() as pilot:
        await open_summary(pilot)
        dialog = await open_write_dialog(pilot)
        await type_into(pilot, "write-path", str(output))
        await type_into(pilot, "write-suppress", "")
        await pilot.press("enter")
        await finish_writing(pilot)

        assert pilot.app.screen is dialog
        error = str(dialog.query_one("#write-errors").content)
        assert f"Output file: the folder {output.parent} does not exist" in error
        assert dialog.query_one("#write-path", Input).value == str(output)
        assert not output.parent.exists()

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)


async def test_write_dialog_offers_stored_threshold(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))
    store.set_setting(SUPPRESS_BELOW_SETTING, 5)

    async with runner.run() as pilot:
        await open_summary(pilot)
        dialog = await open_write_dialog(pilot)
        assert dialog.query_one("#write-suppress", Input).value == "5"


async def test_write_dialog_reads_threshold_saved_meanwhile(runner, store, make_enquiry, data_file):
    store.add(make_enquiry(date(2023, 8, 14)))
    store.set_setting(SUPPRESS_BELOW_SETTING, 0)

    async with runner.run() as pilot:
        await open_summary(pilot)
        # As `sendias report --suppress-below 7` would, from another process.
        with EnquiryStore(data_file, user="other") as other:
            other.set_setting(SUPPRESS_BELOW_SETTING, 7)
        dialog = await open_write_dialog(pilot)
        assert dialog.query_one("#write-suppress", Input).value == "7"
