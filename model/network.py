"""The sentence classifier: a pretrained encoder, mean-pooled, plus document features -> 4 labels."""

from __future__ import annotations

import torch
from torch import nn
from transformers import PreTrainedModel


class SentenceClassifier(nn.Module):
    """Encoder -> mean pool over tokens -> concat features -> dropout -> linear head."""

    def __init__(self, encoder: PreTrainedModel, num_features: int, num_labels: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size + num_features, num_labels)
        # Loss weights per class (imbalance); saved with the weights, ignored at inference.
        self.register_buffer("class_weights", torch.ones(num_labels))
        # (alpha, temperature) while a student learns from a teacher's soft labels; not saved.
        self.distill: tuple[float, float] | None = None

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        features: torch.Tensor,
        token_type_ids: torch.Tensor | None = None,
        labels: torch.Tensor | None = None,
        weight: torch.Tensor | None = None,
        soft: torch.Tensor | None = None,
    ) -> dict[str, torch.Tensor]:
        """Logits [B, num_labels] and the pooled sentence vectors [B, H] (the document
        contextualiser's input); with `labels`, also the class- and sample-weighted loss, and
        with a teacher's `soft` labels [B, num_labels] (and `distill` set) the distillation mix."""
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state  # [B, T, H]
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)  # [B, T, 1]
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)  # [B, H]
        logits = self.head(self.dropout(torch.cat([pooled, features.to(pooled.dtype)], dim=-1)))
        out = {"logits": logits, "pooled": pooled}
        if labels is not None:
            losses = nn.functional.cross_entropy(
                logits.float(), labels, weight=self.class_weights, reduction="none"
            )  # [B]
            w = self.class_weights[labels] * (weight if weight is not None else 1.0)
            out["loss"] = (losses * (weight if weight is not None else 1.0)).sum() / w.sum().clamp(min=1e-8)
            if soft is not None and self.distill is not None:
                alpha, t = self.distill
                # KL(teacher || student) at temperature t, scaled by t^2 so its gradients match the CE's (Hinton et al.)
                log_student = nn.functional.log_softmax(logits.float() / t, dim=-1)
                kl = (soft * (soft.clamp(min=1e-8).log() - log_student)).sum(-1)  # [B]
                sw = weight if weight is not None else torch.ones_like(kl)
                kd = t * t * (kl * sw).sum() / sw.sum().clamp(min=1e-8)
                out["loss"] = (1 - alpha) * out["loss"] + alpha * kd
        return out
