"""claimtag's inference side: split articles into sentences and tag them."""

from inference.split import Sentence, quote_states, split_article
from inference.tagger import TaggedSentence, Tagger

__all__ = ["Sentence", "TaggedSentence", "Tagger", "quote_states", "split_article"]
