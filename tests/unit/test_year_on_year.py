"""Year-on-year figures: records win over published totals, and the report names each source."""

from __future__ import annotations

from datetime import date

from report_records import existing_enquiry, new_enquiry, report_for

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.publish.document import build_document
from sendias_tui.report.metrics_tables import metrics_charts, metrics_tables
from sendias_tui.report.year_on_year import (
    Measure,
    Source,
    build_year_on_year,
    describe_sources,
    year_on_year_figures,
)

Q3 = Quarter(2023, 3)

PUBLISHED = [
    PublishedTotals(
        "2021-Q3", new_enquiries=118, existing_enquiries=231,
        level_shares={1: 49.0, 2: 30.0, 3: 15.0, 4: 6.0},
        average_monthly_website_views=1640.0, facebook_reach=1290,
    ),
    PublishedTotals(
        "2022-Q3", new_enquiries=126, existing_enquiries=240,
        level_shares={1: 44.0, 2: 35.0, 3: 15.0, 4: 6.0},
        average_monthly_website_views=1850.5, facebook_reach=1620, instagram_reach=480,
    ),
    # Records exist for 2023-Q3, so these totals must lose.
    PublishedTotals("2023-Q3", new_enquiries=999, existing_enquiries=999, facebook_reach=9999),
]  # fmt: skip


def records_2023() -> list:
    return [
        new_enquiry(date(2023, 7, 3), intervention_level=1),
        new_enquiry(date(2023, 8, 7), intervention_level=1),
        new_enquiry(date(2023, 9, 11), intervention_level=2),
        new_enquiry(date(2023, 9, 12), intervention_level=None),
        existing_enquiry(date(2023, 9, 13)),
        # Another quarter of 2023, so it must not count.
        new_enquiry(date(2023, 4, 3)),
    ]


METRICS_2023 = [
    MonthlyMetrics(2023, 7, website_views=2100, facebook_reach=429, instagram_reach=150),
    MonthlyMetrics(2023, 8, website_views=1900, facebook_reach=1119),
    MonthlyMetrics(2023, 9, website_views=2500, facebook_reach=494, instagram_reach=180),
]


def test_years_from_2020_to_report_year():
    years = year_on_year_figures(Q3, [], [], [])

    assert [year.quarter.code for year in years] == ["2020-Q3", "2021-Q3", "2022-Q3", "2023-Q3"]
    assert all(year.source(measure) is Source.MISSING for year in years for measure in Measure)
    assert all(year.new_enquiries is None for year in years)


def test_records_win_over_published_totals():
    years = year_on_year_figures(Q3, records_2023(), METRICS_2023, PUBLISHED)
    latest = years[-1]

    assert latest.source(Measure.ENQUIRIES) is Source.RECORDS
    assert latest.new_enquiries == 4
    assert latest.existing_enquiries == 1
    assert latest.source(Measure.LEVEL_SHARES) is Source.RECORDS
    # Shares of the three new enquiries that have a level: 2 of 3 and 1 of 3.
    assert latest.level_shares == {1: 67.0, 2: 33.0, 3: 0.0, 4: 0.0}
    assert latest.source(Measure.FACEBOOK_REACH) is Source.RECORDS
    assert latest.average_monthly_facebook_reach == round((429 + 1119 + 494) / 3, 1)
    assert latest.average_monthly_website_views == 2166.7


def test_published_totals_fill_earlier_years():
    years = year_on_year_figures(Q3, records_2023(), METRICS_2023, PUBLISHED)
    by_code = {year.quarter.code: year for year in years}

    assert by_code["2022-Q3"].source(Measure.ENQUIRIES) is Source.PUBLISHED
    assert by_code["2022-Q3"].new_enquiries == 126
    assert by_code["2022-Q3"].level_shares[2] == 35.0
    assert by_code["2022-Q3"].average_monthly_website_views == 1850.5
    # A published quarter's reach is a total, shown per month.
    assert by_code["2022-Q3"].average_monthly_facebook_reach == 540.0
    assert by_code["2022-Q3"].average_monthly_instagram_reach == 160.0
    assert by_code["2020-Q3"].source(Measure.ENQUIRIES) is Source.MISSING
    assert by_code["2021-Q3"].source(Measure.INSTAGRAM_REACH) is Source.MISSING


def test_sources_chosen_per_measure():
    # Metrics records exist for 2022-Q3, but only for Facebook reach.
    metrics = [MonthlyMetrics(2022, 8, facebook_reach=600)]

    years = year_on_year_figures(Q3, [], metrics, PUBLISHED)
    year_2022 = years[2]

    assert year_2022.source(Measure.FACEBOOK_REACH) is Source.RECORDS
    assert year_2022.average_monthly_facebook_reach == 600.0
    assert year_2022.partial_months == {Measure.FACEBOOK_REACH: 1}
    assert year_2022.source(Measure.WEBSITE_VIEWS) is Source.PUBLISHED
    assert year_2022.source(Measure.INSTAGRAM_REACH) is Source.PUBLISHED


def test_level_shares_missing_when_unpublished():
    years = year_on_year_figures(Q3, [], [], [PublishedTotals("2021-Q3", new_enquiries=100)])

    assert years[1].source(Measure.ENQUIRIES) is Source.PUBLISHED
    assert years[1].source(Measure.LEVEL_SHARES) is Source.MISSING


def test_sources_described_in_year_order():
    years = year_on_year_figures(Q3, records_2023(), METRICS_2023, PUBLISHED)

    assert describe_sources(years, Measure.ENQUIRIES) == (
        "no figures for 2020-Q3; 2021-Q3 and 2022-Q3 from published totals; 2023-Q3 from records"
    )


def test_charts_show_every_year():
    result = build_year_on_year(Q3, records_2023(), METRICS_2023, PUBLISHED)
    charts = {chart.key: chart for chart in result.charts}

    assert list(charts) == [
        "figure1_enquiries_by_year",
        "figure4_intervention_level",
        "figure6_website_views_by_year",
        "figure9_facebook_reach_by_year",
        "figure11_instagram_reach_by_year",
    ]
    enquiries = charts["figure1_enquiries_by_year"]
    assert enquiries.categories == ("2020-Q3", "2021-Q3", "2022-Q3", "2023-Q3")
    assert [series.name for series in enquiries.series] == ["New enquiries", "Existing enquiries"]
    assert enquiries.series[0].values == (None, 118, 126, 4)
    assert enquiries.series[1].values == (None, 231, 240, 1)
    levels = charts["figure4_intervention_level"]
    assert [series.name for series in levels.series] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert levels.series[0].values == (None, 49.0, 44.0, 67.0)
    assert levels.unit == "%"
    assert charts["figure11_instagram_reach_by_year"].series[0].values == (None, None, 160.0, 165.0)
    assert enquiries.title == "New and existing enquiries in quarter 3 of each year, 2020 to 2023-Q3"


def test_notes_name_sources_and_partial_months():
    result = build_year_on_year(Q3, records_2023(), METRICS_2023, PUBLISHED)

    assert (
        "Average monthly Facebook reach: no figures for 2020-Q3; 2021-Q3 and 2022-Q3 "
        "from published totals; 2023-Q3 from records."
    ) in result.notes
    assert (
        "Average monthly Instagram reach: the 2023-Q3 average covers only 2 of its 3 months, "
        "the ones with figures entered."
    ) in result.notes


def test_chart_left_out_without_any_figure():
    result = build_year_on_year(Q3, records_2023(), [], [])

    assert [chart.key for chart in result.charts] == [
        "figure1_enquiries_by_year",
        "figure4_intervention_level",
    ]
    assert len(result.notes) == 2


def test_financial_scheme_reads_codes_under_it():
    quarter = Quarter(2023, 1, QuarterScheme.FINANCIAL)
    # Financial 2022-Q1 is April to June 2022.
    records = [new_enquiry(date(2022, 5, 3)), new_enquiry(date(2022, 2, 3))]

    published = [PublishedTotals("2021-Q1", new_enquiries=7, scheme=QuarterScheme.FINANCIAL)]

    years = year_on_year_figures(quarter, records, [], published)

    assert [year.new_enquiries for year in years] == [None, 7, 1, None]


def test_calendar_totals_keep_their_months():
    financial = Quarter(2023, 2, QuarterScheme.FINANCIAL)
    # Calendar 2022-Q3 is July to September 2022, financial 2022-Q2; calendar
    # 2022-Q2 (April to June) must not be read as financial 2022-Q2.
    published = [
        PublishedTotals("2022-Q2", new_enquiries=119, average_monthly_website_views=1830),
        PublishedTotals("2022-Q3", new_enquiries=126, average_monthly_website_views=1905),
    ]

    years = year_on_year_figures(financial, [], [], published)

    assert [year.quarter.code for year in years][-2:] == ["2022-Q2", "2023-Q2"]
    assert years[-2].new_enquiries == 126
    assert years[-2].average_monthly_website_views == 1905


def test_earlier_published_year_starts_figures():
    published = [
        PublishedTotals("2018-Q4", new_enquiries=70),
        PublishedTotals("2019-Q4", new_enquiries=80),
        PublishedTotals("2017-Q3", new_enquiries=60),
    ]

    years = year_on_year_figures(Quarter(2023, 4), [], [], published)

    assert [year.quarter.code for year in years][:3] == ["2018-Q4", "2019-Q4", "2020-Q4"]
    assert years[-1].quarter.code == "2023-Q4"
    assert [year.new_enquiries for year in years][:2] == [70, 80]


def test_earlier_year_figure_caption():
    published = [PublishedTotals("2019-Q4", new_enquiries=80, existing_enquiries=160)]

    result = build_year_on_year(Quarter(2020, 4), [], [], published)

    figure1 = result.charts[0]
    assert figure1.categories == ("2019-Q4", "2020-Q4")
    assert "2019 to 2020-Q4" in figure1.title


def test_report_before_2020_shows_own_year():
    years = year_on_year_figures(Quarter(2019, 2), [], [], [])

    assert [year.quarter.code for year in years] == ["2019-Q2"]


def test_document_places_every_metrics_part(categories):
    report = report_for(categories, records_2023(), [], quarter=Q3)
    metrics = [
        MonthlyMetrics(
            2023, 7, website_views=2100, top_pages=(("Home", 100),), accessibility={"Speech": 1},
            translations={"Swahili": 1}, facebook_reach=429, instagram_reach=150,
        )
    ]  # fmt: skip
    year_on_year = build_year_on_year(Q3, records_2023(), metrics, PUBLISHED)

    document = build_document(
        report,
        charts=[*year_on_year.charts, *metrics_charts(Q3, metrics)],
        extra_tables=metrics_tables(Q3, metrics, categories),
    )

    keys = {chart.key for chart in document.figures} | {table.key for table in document.tables}
    assert {
        "figure1_enquiries_by_year", "figure4_intervention_level", "figure5_website_views",
        "figure6_website_views_by_year", "figure_translation_languages",
        "figure8_facebook_reach", "figure9_facebook_reach_by_year",
        "figure10_instagram_reach", "figure11_instagram_reach_by_year",
        "table10_top_pages", "table11_accessibility",
    } <= keys  # fmt: skip
    numbers = [chart.number for chart in document.figures]
    assert len(numbers) == len(set(numbers))
