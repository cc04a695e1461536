"""Names made up by a trained MLP: the lecture's sampling loop, one character at a time.

    names(next_logits, vocab, block_size=3, n=20)  # ('mora.', 'kayah.', ...)

Start from a context of '.' (index 0), draw the next character from softmax(logits) with one
torch.Generator (the lecture's seed 2147483647 + 10), shift it into the context, and stop at
'.'. The same seed and model give the same names: a class can compare them stage by stage.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from core.data import END, Vocab

SEED = 2147483647 + 10  # the lecture's sampling generator
MAX_LEN = 50  # characters a sampled name may reach before it is cut (a model that never says '.')

NextLogits = Callable[[torch.Tensor], torch.Tensor]  # context ids (block_size,) -> logits (V,)


@torch.no_grad()
def names(
    next_logits: NextLogits, vocab: Vocab, block_size: int, n: int = 20, seed: int = SEED, max_len: int = MAX_LEN
) -> tuple[str, ...]:
    """n names, each ending at '.' (a name cut at max_len characters gets no '.')."""
    g = torch.Generator().manual_seed(seed)
    chars = vocab.chars
    out: list[str] = []
    for _ in range(n):
        context = [0] * block_size
        name: list[str] = []
        while len(name) < max_len:
            probs = torch.softmax(next_logits(torch.tensor(context)).double(), 0)
            ix = int(torch.multinomial(probs, 1, generator=g))
            context = [*context[1:], ix]
            name.append(chars[ix])
            if chars[ix] == END:
                break
        out.append("".join(name))
    return tuple(out)
