"""audit: numeric-claim and casualty-figure auditor for news copy."""

__version__ = "0.1.0"
