"""The quarterly summary: tables computed from records, independent of any screen."""
