"""The document model: published order, numbering, captions and the level text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from publish_samples import full_document, metrics_charts, metrics_tables, sample_report

from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish.document import (
    APPENDIX_TITLE,
    AppendixBlock,
    DocumentError,
    FigureBlock,
    Heading,
    Paragraph,
    TableBlock,
    build_document,
    caption_title,
)
from sendias_tui.publish.levels import intervention_levels
from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.model import ReportRow, ReportTable

PUBLISHED_ORDER = [
    "table1_enquiries",
    "figure1_enquiries_by_year",
    "figure2_age_group",
    "table2_main_sen",
    "table3_ethnicity",
    "figure3_gender",
    "table4_referral_source",
    "table5_waiting_times",
    "table6_postal_district",
    "figure4_intervention_level",
    "table7_contacts",
    "table8_reasons_ehcp",
    "table9_reasons_no_ehcp",
    "figure5_website_views",
    "table10_top_pages",
    "table11_accessibility",
    "figure_translation_languages",
    "figure8_facebook_reach",
]


def _parts(document):
    """Return (key, number, caption) for every table and figure, in document order."""
    parts = []
    for block in document.blocks:
        if isinstance(block, TableBlock):
            parts.append((block.table.key, block.table.number, block.table.caption))
        elif isinstance(block, FigureBlock):
            parts.append((block.chart.key, block.chart.number, block.chart.caption))
    return parts


def test_parts_follow_published_order(categories):
    document = full_document(categories)

    assert [key for key, _, _ in _parts(document)] == PUBLISHED_ORDER


def test_sections_follow_published_order(categories):
    document = full_document(categories)

    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert headings == [
        "Summary",
        "Who is using the service?",
        "What type of support is required?",
        "The service's website",
        "Social media",
    ]
    assert isinstance(document.blocks[-1], AppendixBlock)


def test_numbers_run_in_order_without_repeats(categories):
    document = full_document(categories)
    tables = [number for key, number, _ in _parts(document) if key.startswith("table")]
    figures = [number for key, number, _ in _parts(document) if key.startswith("figure")]

    assert tables == [f"Table {n}" for n in range(1, 12)]
    assert figures == [f"Figure {n}" for n in range(1, 8)]


def test_repeated_source_numbers_get_distinct_numbers(categories):
    """Two charts both numbered "Figure 8", as in the published summary, become 6 and 7."""
    document = full_document(categories)
    numbers = {key: number for key, number, _ in _parts(document)}

    assert numbers["figure_translation_languages"] == "Figure 6"
    assert numbers["figure8_facebook_reach"] == "Figure 7"


def test_every_caption_names_the_quarter(categories):
    document = full_document(categories)

    for _, number, caption in _parts(document):
        assert "2023-Q3" in caption, caption
        assert caption.startswith(f"{number}: ")


def test_no_caption_names_another_quarter(categories):
    document = full_document(categories)

    for _, _, caption in _parts(document):
        codes = set(re.findall(r"\d{4}-Q[1-4]", caption))
        assert codes == {"2023-Q3"}, caption


def test_intro_cites_the_assigned_number(categories):
    document = full_document(categories)
    blocks = list(document.blocks)

    for index, block in enumerate(blocks):
        if isinstance(block, TableBlock | FigureBlock):
            number = block.table.number if isinstance(block, TableBlock) else block.chart.number
            intro = blocks[index - 1]
            assert isinstance(intro, Paragraph)
            assert intro.text.startswith(f"{number} "), intro.text


def test_figures_from_report_without_charts(categories):
    document = build_document(sample_report(categories))

    assert [chart.key for chart in document.figures] == [
        "figure2_age_group",
        "figure3_gender",
        "figure4_intervention_level",
    ]
    assert [chart.number for chart in document.figures] == ["Figure 1", "Figure 2", "Figure 3"]


def test_metrics_sections_left_out_without_data(categories):
    document = build_document(sample_report(categories))
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]

    assert "The service's website" not in headings
    assert "Social media" not in headings
    assert "Summary" not in headings


def test_given_chart_replaces_computed_one(categories):
    by_year = ChartSpec(
        key="figure4_intervention_level",
        number="Figure 4",
        title="New enquiries by intervention level, quarter 3 of 2022 and 2023",
        kind=ChartKind.BAR,
        categories=("Level 1", "Level 2"),
        series=(Series("2022", (50, 50)), Series("2023", (60, 40))),
        category_label="Intervention level",
        value_label="Share of new enquiries (%)",
        unit="%",
    )
    document = build_document(sample_report(categories), charts=[by_year])
    levels = [chart for chart in document.figures if chart.key == "figure4_intervention_level"]

    assert len(levels) == 1
    assert levels[0].series == by_year.series


def test_suppression_note_and_commentary_shown(categories):
    document = full_document(categories)
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]

    assert "Counts from 1 to 4 are shown as [c] to protect privacy." in texts
    assert "New enquiries fell against the same quarter of 2022." in texts


def test_level_text_gives_each_share(categories):
    document = build_document(sample_report(categories))
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]

    # Five new enquiries in the quarter: levels 1, 1, 2, 3 and 4.
    for level, share in ((1, 40), (2, 20), (3, 20), (4, 20)):
        sentences = [text for text in texts if text.startswith(f"Level {level} (")]
        assert len(sentences) == 1
        assert f"accounted for {share}% of new casework in 2023-Q3" in sentences[0]


def test_level_text_without_levels(categories):
    report = sample_report(categories)
    levels = report.table("figure4_intervention_level")
    no_shares = replace(
        levels, rows=tuple(ReportRow(row.label, (0, None)) for row in levels.rows)
    )
    tables = tuple(no_shares if table.key == levels.key else table for table in report.tables)
    document = build_document(replace(report, tables=tables))
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]

    assert "No new enquiry in 2023-Q3 has an intervention level recorded." in texts


def test_appendix_defines_four_levels(categories):
    appendix = full_document(categories).blocks[-1]

    assert isinstance(appendix, AppendixBlock)
    assert appendix.title == APPENDIX_TITLE
    assert [entry.heading.split(":")[0] for entry in appendix.entries] == [
        "Level 1", "Level 2", "Level 3", "Level 4",
    ]  # fmt: skip
    for entry in appendix.entries:
        assert entry.paragraphs[-1].startswith("Outcome: ")


def test_caption_without_quarter_gets_code():
    assert caption_title("Website page views", Quarter(2023, 3)) == "Website page views, 2023-Q3"


def test_caption_naming_this_quarter_kept():
    title = "New enquiries by gender, 2023-Q3"

    assert caption_title(title, Quarter(2023, 3)) == title


@pytest.mark.parametrize(
    "title",
    [
        "New referrals by main SEN, 2023-Q2",
        "Top pages viewed during quarter two",
        "Facebook reach, 2023 Q1",
    ],
)
def test_caption_naming_other_quarter_rejected(title):
    with pytest.raises(DocumentError, match="in a report of 2023-Q3"):
        caption_title(title, Quarter(2023, 3))


def test_table_naming_other_quarter_rejected(categories):
    wrong = replace(metrics_tables()[0], title="Top pages viewed during quarter two")

    with pytest.raises(DocumentError, match="quarter two"):
        build_document(sample_report(categories), extra_tables=[wrong])


def test_unknown_chart_key_rejected(categories):
    stray = replace(metrics_charts()[1], key="figure_website_misspelt")

    with pytest.raises(DocumentError, match="figure_website_misspelt"):
        build_document(sample_report(categories), charts=[stray])


def test_notes_cite_new_numbers(categories):
    """A note citing "Table 9" follows that table when it is renumbered."""
    report = sample_report(categories)
    cited = replace(report.table("table2_main_sen"), notes=("See also Table 9.",))
    remaining = tuple(
        cited if table.key == cited.key else table
        for table in report.tables
        if table.key not in ("table3_ethnicity", "table4_referral_source")
    )
    document = build_document(replace(report, tables=remaining))
    main_sen = next(table for table in document.tables if table.key == "table2_main_sen")
    reasons = next(table for table in document.tables if table.key == "table9_reasons_no_ehcp")

    assert reasons.number == "Table 7"
    assert main_sen.notes == ("See also Table 7.",)


def test_partial_report_still_numbered(categories):
    report = sample_report(categories)
    only_two = ReportTable(
        key="table6_postal_district",
        number="Table 6",
        title="New enquiries by postal district, 2023-Q3",
        columns=("Postal district", "New enquiries"),
        rows=(ReportRow("Biscot", (5,)),),
    )
    partial = replace(report, tables=(report.table("table1_enquiries"), only_two))
    document = build_document(partial)

    assert [table.number for table in document.tables] == ["Table 1", "Table 2"]
    assert document.figures == ()


def test_suppression_note_shown_once(categories):
    note = "Counts from 1 to 4 are shown as * to protect privacy."
    report = replace(sample_report(categories), notes=(note,))

    document = build_document(report, suppression_note=note)

    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert texts.count(note) == 1


def test_figure_keeps_its_table(categories):
    report = sample_report(categories)
    document = build_document(report)
    figures = [block for block in document.blocks if isinstance(block, FigureBlock)]

    assert [block.data.key for block in figures] == [chart.key for chart in document.figures]
    assert figures[0].data.rows == report.table("figure2_age_group").rows
    assert figures[0].data.caption == figures[0].chart.caption


def test_given_chart_has_no_table(categories):
    by_year = metrics_charts()[0]
    document = build_document(sample_report(categories), charts=[by_year])
    block = next(b for b in document.blocks if isinstance(b, FigureBlock))

    assert block.chart.key == "figure1_enquiries_by_year"
    assert block.data is None


def test_hidden_share_written_without_number(categories):
    report = sample_report(categories)
    levels = report.table("figure4_intervention_level")
    hidden = replace(
        levels,
        rows=tuple(
            ReportRow(row.label, ("*", "*")) if row.label == "Level 4" else row
            for row in levels.rows
        ),
    )
    tables = tuple(hidden if table.key == levels.key else table for table in report.tables)
    document = build_document(replace(report, tables=tables))
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    level4 = [text for text in texts if text.startswith("Level 4 (")]

    summary = intervention_levels()[3].summary
    assert level4 == [f"Level 4 (tribunal and legal processes) covers {summary}"]
