"""Posterior probabilities of word candidates in context: forward-backward with a trigram model.

A segment is a run of words between punctuation; each word has one or more candidate
syllables, each with the log-probability of the recogniser's evidence for it. The probability
of a whole reading of the segment is the product of the language model's trigram
probabilities and the evidence of each chosen candidate; a candidate's posterior sums over
every reading that chooses it. Forward-backward computes all of them exactly, in time linear
in the segment's length. The language model is asked once per page, for every trigram of
every segment at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from vietnamese.language_model import BOUNDARY_ID, SyllableModel

FloatArray = npt.NDArray[np.float64]
IdArray = npt.NDArray[np.int64]
_BOUNDARY = np.asarray([BOUNDARY_ID], dtype=np.int64)
_NO_EVIDENCE = np.zeros(1)


@dataclass(frozen=True)
class Choices:
    """One word's candidates: model ids and the natural-log probability of the evidence."""

    ids: IdArray
    evidence: FloatArray


def posteriors(
    segments: Sequence[Sequence[Choices]], model: SyllableModel
) -> list[list[FloatArray]]:
    """For each segment, for each word, the posterior probability of each of its candidates."""
    framed = [
        (
            [_BOUNDARY, _BOUNDARY, *(c.ids for c in segment), _BOUNDARY],
            [_NO_EVIDENCE, _NO_EVIDENCE, *(c.evidence for c in segment), _NO_EVIDENCE],
        )
        for segment in segments
    ]
    shapes: list[tuple[int, int, int]] = []
    firsts: list[IdArray] = []
    seconds: list[IdArray] = []
    thirds: list[IdArray] = []
    for ids, _ in framed:
        for j in range(2, len(ids)):
            a, b, c = ids[j - 2], ids[j - 1], ids[j]
            shapes.append((len(a), len(b), len(c)))
            firsts.append(np.repeat(a, len(b) * len(c)))
            seconds.append(np.tile(np.repeat(b, len(c)), len(a)))
            thirds.append(np.tile(c, len(a) * len(b)))
    if not shapes:
        return [[] for _ in segments]
    scores = model.trigram_log_probs(
        np.concatenate(firsts), np.concatenate(seconds), np.concatenate(thirds)
    )
    tensors: list[FloatArray] = []
    start = 0
    for shape in shapes:
        size = shape[0] * shape[1] * shape[2]
        tensors.append(scores[start : start + size].reshape(shape))
        start += size
    result = []
    offset = 0
    for ids, evidence in framed:
        count = len(ids) - 2
        result.append(_forward_backward(tensors[offset : offset + count], evidence))
        offset += count
    return result


def _forward_backward(tensors: list[FloatArray], evidence: list[FloatArray]) -> list[FloatArray]:
    """`tensors[j]` scores position j + 2 given the two before it (positions 0 and 1 and the
    last are boundaries); returns the posteriors of the positions in between."""
    length = len(evidence)
    # alphas[j - 1]: log-probability of positions ..j, by the candidates at j - 1 and j.
    alphas = [np.zeros((1, 1))]
    for j in range(2, length):
        alpha = _logsumexp(alphas[-1][:, :, None] + tensors[j - 2], axis=0)
        alphas.append(alpha + evidence[j][None, :])
    # betas, built from the end: log-probability of positions after j, given j - 1 and j.
    betas = [np.zeros(alphas[-1].shape)]
    for j in range(length - 2, 1, -1):
        after = tensors[j - 1] + evidence[j + 1][None, None, :] + betas[-1][None, :, :]
        betas.append(_logsumexp(after, axis=2))
    betas.reverse()
    result = []
    for j in range(2, length - 1):
        joint = _logsumexp(alphas[j - 1] + betas[j - 2], axis=0)
        weights = np.exp(joint - joint.max())
        result.append(weights / weights.sum())
    return result


def _logsumexp(values: FloatArray, axis: int) -> FloatArray:
    top = values.max(axis=axis, keepdims=True)
    summed = top + np.log(np.exp(values - top).sum(axis=axis, keepdims=True))
    return np.asarray(summed.squeeze(axis))
