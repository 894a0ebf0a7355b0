"""The package version, read by pyproject.toml and by reports."""

__version__ = "0.1.0"
