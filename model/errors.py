"""The one error type the command line turns into a one-line message."""


class ClaimtagError(Exception):
    """A user-facing problem (bad input, missing file) rather than a bug."""


def needs_extra(err: ModuleNotFoundError, what: str, extra: str = "train") -> ClaimtagError:
    """The one-line error for a feature whose libraries the light install leaves out."""
    return ClaimtagError(f"{what} needs {err.name}, which this install lacks: pip install 'claimtag[{extra}]'")
