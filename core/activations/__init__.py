"""The activation registry: one table of element-wise activation functions, and the maths on it.

Every page, selector and test iterates ``REGISTRY`` (key -> ``Activation``); there are no
string switches elsewhere. Each entry carries the callable and its closed-form derivative,
the trainer's one-kernel forward and backward, its LaTeX, its tunable parameters, the textbook
properties (zero-centred, monotonic, bounded, smooth, saturating), its init gain as a function
of its parameters, and a little history. Its prose (name as shown, note, when to use it, where
the gain comes from, slider tooltips) is per language, in ui/i18n/<lang>/act.py, under
``act.<key>.*``.

The declared properties are checked numerically by ``computed_properties`` (and the tests
assert they agree for every entry); derivatives come from autograd, and the hand-written
closed forms in ``Activation.grad`` and the fused kernels are tested against it.

Softmax is not element-wise and lives apart, as ``SOFTMAX``.

- functions.py: the element-wise maths and the ATen kernel lookup,
- registry.py: the entries, and reading them (params, gain, apply, layer, derivative, kernels),
- analysis.py: measurements for charts and tests (curves, signal propagation, properties,
  inactive units).
"""

from core.activations.analysis import (
    PROPERTY_NAMES,
    _max_abs_derivative,  # noqa: F401  (tests clear its cache)
    computed_properties,
    curves,
    inactive_mask,
    signal_propagation,
)
from core.activations.registry import (
    KEYS,
    REGISTRY,
    SOFTMAX,
    Activation,
    OutputFunction,
    Param,
    apply,
    derivative,
    forward_into,
    fused_backward,
    gain_for,
    get,
    layer,
    resolve_params,
    width_multiplier,
)

__all__ = [
    "Param",
    "Activation",
    "OutputFunction",
    "REGISTRY",
    "KEYS",
    "SOFTMAX",
    "get",
    "resolve_params",
    "apply",
    "layer",
    "width_multiplier",
    "derivative",
    "gain_for",
    "forward_into",
    "fused_backward",
    "inactive_mask",
    "curves",
    "signal_propagation",
    "computed_properties",
    "PROPERTY_NAMES",
]
