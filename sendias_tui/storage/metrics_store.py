"""The store's monthly metrics and published totals, kept in the same data file as the records.

``EnquiryStore`` takes these methods from ``MetricsStorage``, so screens and
commands reach metrics through the one store, and every write goes through
its locked, journalled transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals
from sendias_tui.domain.quarters import QuarterScheme
from sendias_tui.storage.errors import DataFileError
from sendias_tui.storage.metrics_records import (
    metrics_from_document,
    metrics_id,
    metrics_to_document,
    published_totals_from_document,
    published_totals_id,
    published_totals_to_document,
)

METRICS_TABLE = "metrics"
PUBLISHED_TOTALS_TABLE = "published_totals"

T = TypeVar("T")


class MetricsStorage:
    """Methods for monthly metrics (one document per month) and published totals (one per quarter)."""

    # Provided by EnquiryStore.
    path: Path
    _db: TinyDB
    _writing: Callable[[], AbstractContextManager[None]]

    @property
    def _metrics_table(self) -> Table:
        return self._db.table(METRICS_TABLE, cache_size=0)

    @property
    def _published_table(self) -> Table:
        return self._db.table(PUBLISHED_TOTALS_TABLE, cache_size=0)

    def _read(self, kind: str, document_id: int, document: dict[str, Any], build: Callable[..., T]) -> T:
        try:
            return build(document, document_id)
        except KeyError as error:
            problem = f"has no field {error.args[0]!r}"
        except (TypeError, ValueError, AttributeError) as error:
            problem = f"has a value that cannot be read ({error})"
        raise DataFileError(
            self.path, f"holds {kind} {document_id}, which {problem}; restore a backup or correct it"
        )

    def _put(
        self, metrics: Iterable[MonthlyMetrics], published_totals: Iterable[PublishedTotals]
    ) -> tuple[list[MonthlyMetrics], list[PublishedTotals]]:
        """Replace the documents of these months and quarters; call inside ``_writing()``.

        Raises:
            QuarterError: a published totals' code does not name a quarter.
        """
        saved = [replace(item, id=metrics_id(item.year, item.month)) for item in metrics]
        saved_totals = [
            replace(item, id=published_totals_id(item.quarter, item.scheme)) for item in published_totals
        ]
        for item in saved:
            self._metrics_table.upsert(Document(metrics_to_document(item), doc_id=item.id))
        for totals in saved_totals:
            self._published_table.upsert(Document(published_totals_to_document(totals), doc_id=totals.id))
        return saved, saved_totals

    # Monthly metrics

    def save_metrics(self, metrics: MonthlyMetrics) -> MonthlyMetrics:
        """Save one month's metrics, replacing whatever was stored for that month.

        Returns:
            The metrics with their id, which is the same for every save of the month.
        """
        return self.replace_metrics_many([metrics])[0][0]

    def replace_metrics_many(
        self,
        metrics: Iterable[MonthlyMetrics] = (),
        published_totals: Iterable[PublishedTotals] = (),
    ) -> tuple[list[MonthlyMetrics], list[PublishedTotals]]:
        """Save months of metrics and quarters of published totals in a single write.

        Each month or quarter replaces whatever was stored for it, as a whole.
        A failed write saves none of them, so an import is never half done.
        The values are saved as given; callers validate them first.

        Raises:
            QuarterError: a published totals' code does not name a quarter;
                nothing is saved.
        """
        pending = list(metrics)
        pending_totals = list(published_totals)
        if not pending and not pending_totals:
            return [], []
        with self._writing():
            return self._put(pending, pending_totals)

    def metrics_for_months(self, months: Iterable[tuple[int, int]]) -> list[MonthlyMetrics]:
        """Return the stored metrics of the given (year, month) pairs, oldest first; months without any are skipped."""
        documents = self._metrics_table
        found = []
        for year, month in sorted(set(months)):
            document_id = metrics_id(year, month)
            document = documents.get(doc_id=document_id)
            if document is not None:
                found.append(self._read("metrics", document_id, dict(document), metrics_from_document))
        return found

    def all_metrics(self) -> list[MonthlyMetrics]:
        """Return the metrics of every stored month, oldest first."""
        found = [
            self._read("metrics", document.doc_id, dict(document), metrics_from_document)
            for document in self._metrics_table.all()
        ]
        return sorted(found, key=lambda item: item.month_key)

    def delete_metrics(self, year: int, month: int) -> None:
        """Delete one month's metrics.

        Raises:
            KeyError: no metrics are stored for that month.
        """
        document_id = metrics_id(year, month)
        with self._writing():
            if not self._metrics_table.contains(doc_id=document_id):
                raise KeyError(f"no metrics stored for {year:04d}-{month:02d}")
            self._metrics_table.remove(doc_ids=[document_id])

    # Published totals of earlier quarters

    def save_published_totals(self, totals: PublishedTotals) -> PublishedTotals:
        """Save one quarter's published totals, replacing whatever was stored for that quarter.

        Raises:
            QuarterError: the code does not name a quarter.
        """
        return self.replace_metrics_many(published_totals=[totals])[1][0]

    def published_totals(self) -> list[PublishedTotals]:
        """Return the published totals of every stored quarter, oldest first."""
        found = [
            self._read("published totals", document.doc_id, dict(document), published_totals_from_document)
            for document in self._published_table.all()
        ]
        return sorted(found, key=lambda totals: totals.id or 0)

    def delete_published_totals(self, code: str, scheme: QuarterScheme = QuarterScheme.CALENDAR) -> None:
        """Delete the published totals of the months that ``code`` names under ``scheme``.

        Raises:
            KeyError: no totals are stored for that quarter.
            QuarterError: the code does not name a quarter.
        """
        document_id = published_totals_id(code, scheme)
        with self._writing():
            if not self._published_table.contains(doc_id=document_id):
                raise KeyError(f"no published totals stored for {code}")
            self._published_table.remove(doc_ids=[document_id])

    def _has_metrics(self) -> bool:
        """Return whether any month's metrics or quarter's totals are stored."""
        return len(self._metrics_table) > 0 or len(self._published_table) > 0

