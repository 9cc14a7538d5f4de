"""MiniLM's last block as a trainable torch module, for the tuned-block benches
(``actor_stance_tuned_block.py``, ``framing_tuned_block.py``).

Initialised from the numpy runtime's block (``NumpyBert.blocks[-1]``: fused query/key/value with the
query pre-scaled, weights transposed); ``forward(x, mask)`` maps the states entering the block
(n, t, 384) to the states leaving it, as the runtime does.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def block_module(block: dict[str, Any]) -> Any:
    import torch
    from torch import nn

    def param(a: np.ndarray) -> nn.Parameter:
        return nn.Parameter(torch.tensor(np.asarray(a, dtype=np.float32)))

    class Block(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.qkv, self.qkv_b = param(block["qkv"]), param(block["qkv_bias"])
            self.out, self.out_b = param(block["out"]), param(block["out_bias"])
            self.up, self.up_b = param(block["up"]), param(block["up_bias"])
            self.down, self.down_b = param(block["down"]), param(block["down_bias"])
            self.n1g, self.n1b = param(block["norm1"][0]), param(block["norm1"][1])
            self.n2g, self.n2b = param(block["norm2"][0]), param(block["norm2"][1])

        def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            n, t, d = x.shape
            q, k, v = (x @ self.qkv + self.qkv_b).view(n, t, 3, 12, d // 12).permute(2, 0, 3, 1, 4)
            s = (q @ k.transpose(-1, -2)).masked_fill(~mask[:, None, None, :], -1e9)  # query pre-scaled
            a = (torch.softmax(s, -1) @ v).transpose(1, 2).reshape(n, t, d)
            x = nn.functional.layer_norm(a @ self.out + self.out_b + x, (d,), self.n1g, self.n1b, 1e-12)
            h = nn.functional.gelu(x @ self.up + self.up_b)
            return nn.functional.layer_norm(h @ self.down + self.down_b + x, (d,), self.n2g, self.n2b, 1e-12)

    return Block()
