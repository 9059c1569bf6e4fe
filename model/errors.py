"""The one error type the command line turns into a one-line message."""


class ClaimtagError(Exception):
    """A user-facing problem (bad input, missing file) rather than a bug."""
