"""claimtag's model side: the label set, and (later) the classifier and its folder format."""

from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import ID2LABEL, LABEL2ID, LABELS, LabelError, parse_label

__all__ = ["ClaimtagError", "ID2LABEL", "LABEL2ID", "LABELS", "LabelError", "parse_label"]
