"""The report's section names, in report order: a leaf module, so settings, the analyses' needs and
the report can all import it without importing each other."""

SECTIONS = ("summary", "sentiment", "framing", "readability")
