"""Publishable report documents: Word, HTML, Markdown and Excel, built from one document model."""
