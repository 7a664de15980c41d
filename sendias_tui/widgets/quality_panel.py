"""The data quality panel of the summary screen: what would make the report wrong."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from sendias_tui.report.quality import QualityIssue, Severity

SEVERITY_WORDS = {Severity.ERROR: "Error", Severity.WARNING: "Warning"}
"""The word before each finding, so severity reads without colour."""
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow"}


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def describe_issues(issues: Sequence[QualityIssue]) -> Text:
    """Return the panel's text: a one-line count, then each finding in the order given.

    With no findings the text is the single line "Data checks: No problems found".
    Messages are plain text, never markup, because they quote category names.
    """
    if not issues:
        return Text("Data checks: No problems found", style="bold")
    errors = sum(1 for issue in issues if issue.severity is Severity.ERROR)
    warnings = len(issues) - errors
    counts = [
        _plural(count, singular, plural)
        for count, singular, plural in ((errors, "error", "errors"), (warnings, "warning", "warnings"))
        if count
    ]
    text = Text()
    text.append(f"Data checks: {_plural(len(issues), 'problem', 'problems')} ({', '.join(counts)})", style="bold")
    for issue in issues:
        text.append("\n")
        text.append(f"{SEVERITY_WORDS[issue.severity]}:", style=SEVERITY_STYLES[issue.severity])
        text.append(f" {issue.message}")
        if issue.tables:
            text.append(f" (affects {', '.join(issue.tables)})", style="italic")
    return text


class QualityPanel(Static):
    """List the findings of the data quality checks, errors first, each headed by its severity."""

    def show_issues(self, issues: Sequence[QualityIssue]) -> None:
        """Show ``issues``, which ``check_quarter`` has already put errors first."""
        self.update(describe_issues(issues))
        self.set_class(bool(issues), "has-problems")
