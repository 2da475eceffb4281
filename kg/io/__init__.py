"""Input: articles from text files, folders and JSON Lines corpora."""

from kg.io.readers import check_date, check_paths, iter_documents, read_text_file

__all__ = ["check_date", "check_paths", "iter_documents", "read_text_file"]
