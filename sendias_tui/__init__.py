"""sendias: record SENDIAS enquiries and produce the quarterly data summary."""

__version__ = "0.1.0"
