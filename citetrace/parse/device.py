"""Where and in what arithmetic Stanza parses: ``Device`` (the CPU or a GPU) and ``Precision`` (float32
or bfloat16 for the tagger and parser on a CPU). torch is imported only when a GPU may be wanted;
the CPU's bfloat16 is read from its flags, so a run whose parses are all cached never loads torch.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from citetrace.errors import ModelError


class Device(StrEnum):
    """Where Stanza parses: ``auto`` (a GPU when torch sees one, else the CPU), ``cpu``, ``cuda``."""

    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Precision(StrEnum):
    """The arithmetic of the tagger and the parser on a CPU: ``auto`` (bfloat16 where the CPU computes
    it natively, else float32), ``bfloat16``, ``float32`` (Stanza's own). The tokenizer always runs in
    float32: its sentence ends move more than tags and heads do (docs/performance.md)."""

    auto = "auto"
    bfloat16 = "bfloat16"
    float32 = "float32"


# CPU flags of native bfloat16 arithmetic (AVX-512 BF16; AMX), as Linux lists them in /proc/cpuinfo
_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


def native_bfloat16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether this CPU computes bfloat16 natively, read from ``cpuinfo`` (no torch import: a run
    whose parses are all cached never loads it). False where the file is missing (not Linux)."""
    try:
        with cpuinfo.open(encoding="ascii", errors="replace") as lines:
            for line in lines:
                if line.startswith("flags"):
                    return not _BF16_FLAGS.isdisjoint(line.split(":", 1)[-1].split())
    except OSError:
        return False
    return False


PRECISION_ENV = "CITETRACE_PRECISION"


def bfloat16_on_cpu(precision: Precision) -> bool:
    """Whether the tagger and parser run in bfloat16 when they parse on the CPU: ``auto`` is
    $CITETRACE_PRECISION where it is set (the tests set float32), else the CPU's own flags."""
    if precision is Precision.auto:
        chosen = os.environ.get(PRECISION_ENV) or Precision.auto
        try:
            precision = Precision(chosen)
        except ValueError:
            raise ModelError(f"${PRECISION_ENV}={chosen}: not one of auto, bfloat16, float32") from None
        if precision is Precision.auto:
            return native_bfloat16()
    return precision is Precision.bfloat16


# On a GPU the parser takes larger batches: a batch is a few kernel launches however long it is
GPU_BATCH_FACTOR = 8


def use_gpu(device: Device) -> bool:
    """Whether to parse on the GPU; an error when one is asked for and torch sees none (a CPU build of
    torch, no driver, no card). torch is imported only when a GPU may be wanted."""
    if device is Device.cpu:
        return False
    import torch

    if torch.cuda.is_available():
        return True
    if device is Device.cuda:
        raise ModelError(
            "--device cuda: torch sees no GPU here (a CPU build of torch, or no CUDA driver); "
            "use --device cpu, or auto to take a GPU only where there is one"
        )
    return False
