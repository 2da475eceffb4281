"""Per-document extraction: mentions, roles, statements and commitments."""

from kg.extract.document import extract_document

__all__ = ["extract_document"]
