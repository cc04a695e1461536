"""The lecture's training loop, as written in the notebook: the baseline the trainer must beat."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def notebook_train(Xtr, Ytr, steps: int, act=torch.tanh, seed: int = 2147483647) -> list[float]:
    """Karpathy's makemore part 3 training loop (Kaiming-style init, no BatchNorm), with `act`
    in place of tanh. Returns the log10 minibatch losses, as the lecture's `lossi`."""
    n_embd, n_hidden, block_size, vocab_size = 10, 200, 3, 27
    g = torch.Generator().manual_seed(seed)
    C = torch.randn((vocab_size, n_embd), generator=g)
    W1 = torch.randn((n_embd * block_size, n_hidden), generator=g) * (5 / 3) / ((n_embd * block_size) ** 0.5)
    b1 = torch.randn(n_hidden, generator=g) * 0.01
    W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.01
    b2 = torch.randn(vocab_size, generator=g) * 0
    parameters = [C, W1, b1, W2, b2]
    for p in parameters:
        p.requires_grad = True
    lossi = []
    for i in range(steps):
        ix = torch.randint(0, Xtr.shape[0], (32,), generator=g)
        Xb, Yb = Xtr[ix], Ytr[ix]
        emb = C[Xb]
        embcat = emb.view(emb.shape[0], -1)
        hpreact = embcat @ W1 + b1
        h = act(hpreact)
        logits = h @ W2 + b2
        loss = F.cross_entropy(logits, Yb)
        for p in parameters:
            p.grad = None
        loss.backward()
        lr = 0.1 if i < 100000 else 0.01
        for p in parameters:
            p.data += -lr * p.grad
        lossi.append(loss.log10().item())
    return lossi
