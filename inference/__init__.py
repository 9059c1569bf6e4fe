"""claimtag's inference side (claimtag.inference): split articles into sentences, tag them,
attribute quotes, read inputs, write outputs. It imports claimtag.model, never claimtag.training."""

from claimtag.inference.split import Sentence, split_article
from claimtag.inference.tagger import TaggedSentence, Tagger

__all__ = ["Sentence", "TaggedSentence", "Tagger", "split_article"]
