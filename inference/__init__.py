"""claimtag's inference side: split articles into sentences and tag them."""

from claimtag.inference.split import Sentence, split_article
from claimtag.inference.tagger import TaggedSentence, Tagger

__all__ = ["Sentence", "TaggedSentence", "Tagger", "split_article"]
