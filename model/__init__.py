"""claimtag's model side (claimtag.model): labels, the quotation scanner, input features, the
sentence models (transformer, baselines, document context) and the self-describing folder.

The bottom layer: it imports nothing from claimtag.inference or claimtag.training."""

from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import ID2LABEL, LABEL2ID, LABELS, LabelError, parse_label

__all__ = ["ClaimtagError", "ID2LABEL", "LABEL2ID", "LABELS", "LabelError", "parse_label"]
