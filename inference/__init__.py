"""claimtag's inference side: split articles into sentences and (later) tag them."""

from inference.split import Sentence, quote_states, split_article

__all__ = ["Sentence", "quote_states", "split_article"]
