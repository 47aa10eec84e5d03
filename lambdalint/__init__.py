"""lambdalint: static analysis for AWS Lambda handlers written in Python."""

__version__ = "0.1.0"
