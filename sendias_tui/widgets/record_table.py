"""A table of stored records that keeps its cursor in place when reloaded."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable


class RecordTable(DataTable[Text]):
    """List records one per row, keyed by record id, with a row cursor.

    Cells are ``Text``, never ``str``, because DataTable reads a str cell as
    markup and the cells hold values people typed.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def highlighted_id(self) -> int | None:
        """Return the id of the record under the cursor, or None when the table is empty."""
        if self.row_count == 0:
            return None
        row = min(max(self.cursor_row, 0), self.row_count - 1)
        return int(self.coordinate_to_cell_key((row, 0)).row_key.value or 0)

    def show_records(
        self,
        rows: Sequence[tuple[int, Sequence[Text]]],
        *,
        columns: Sequence[tuple[str, int]] | None = None,
        select_id: int | None = None,
    ) -> None:
        """Replace the rows and put the cursor where the user expects it.

        Args:
            rows: (record id, cells) pairs in display order.
            columns: (heading, width) pairs to set the columns anew, or None
                to keep the current ones.
            select_id: the record to highlight. By default the one highlighted
                before stays highlighted, and if it is gone the cursor stays on
                the same row number.
        """
        target_id = select_id if select_id is not None else self.highlighted_id()
        previous_row = self.cursor_row

        self.clear(columns=columns is not None)
        for heading, width in columns or ():
            self.add_column(heading, width=width, key=heading)
        for record_id, cells in rows:
            self.add_row(*cells, key=str(record_id))

        if not rows:
            return
        ids = [record_id for record_id, _ in rows]
        if target_id in ids:
            row = ids.index(target_id)
        else:
            row = min(max(previous_row, 0), len(rows) - 1)
        self.move_cursor(row=row, animate=False)
