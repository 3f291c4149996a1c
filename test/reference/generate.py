#!/usr/bin/env python3
"""Reference table for src/math: every activation and its derivative at fixed and seeded points.

Run from the repository root:

    python3 test/reference/generate.py

It writes test/reference/activations.json. Each value is computed with mpmath at DPS decimal
digits and again at CHECK_DPS digits; the two must agree to 35 digits (so a cancellation in a
formula below cannot slip through), and the CHECK_DPS value is rounded once to the nearest double. Doubles are stored with
Python's repr, which round-trips exactly through JavaScript's Number(string).

Parameters are the registry defaults. At a kink the derivative follows PyTorch's autograd choice,
the same convention that src/math records in each entry's `kinks`.
"""

import json
import math
import random
from pathlib import Path

import mpmath
from mpmath import mp, mpf

DPS = 60
CHECK_DPS = 110
SEED = 20240601
RANDOM_COUNT = 40

# SELU constants from Klambauer et al. 2017 (to the digits the paper's code prints).
SELU_LAMBDA = "1.0507009873554804934193349852946"
SELU_ALPHA = "1.6732632423543772848170429916717"
LEAKY_ALPHA = 0.01  # the double 0.01: parameters are doubles, so the reference uses the double
GELU_TANH_C = "0.044715"


def sigmoid(z):
    # 1/(1+e^{-z}); mpmath has no overflow, and there is no cancellation in this form.
    return 1 / (1 + mp.exp(-z))


def sigmoid_d(z):
    # σ'(z) = e^{-z}/(1+e^{-z})², cancellation-free (s(1-s) would lose everything at |z| = 1000).
    e = mp.exp(-z)
    return e / (1 + e) ** 2


def softplus(z):
    return mpmath.log1p(mp.exp(z))


def ncdf(z):
    return mpmath.erfc(-z / mp.sqrt(2)) / 2


def npdf(z):
    return mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)


def gelu_tanh_u(z):
    return mp.sqrt(2 / mp.pi) * (z + mpf(GELU_TANH_C) * z**3)


def gelu_tanh(z):
    # ½z(1+tanh u) = z·σ(2u): 1+tanh u cancels catastrophically for u ≪ 0 even at 60 digits.
    return z * sigmoid(2 * gelu_tanh_u(z))


def gelu_tanh_d(z):
    u = gelu_tanh_u(z)
    du = mp.sqrt(2 / mp.pi) * (1 + 3 * mpf(GELU_TANH_C) * z**2)
    return sigmoid(2 * u) + z * du / (2 * mp.cosh(u) ** 2)


def mish(z):
    return z * mp.tanh(softplus(z))


def mish_d(z):
    sp = softplus(z)
    return mp.tanh(sp) + z * sigmoid(z) / mp.cosh(sp) ** 2


def selu(z):
    lam, alpha = mpf(SELU_LAMBDA), mpf(SELU_ALPHA)
    return lam * (z if z > 0 else alpha * mpmath.expm1(z))


def selu_d(z):
    lam, alpha = mpf(SELU_LAMBDA), mpf(SELU_ALPHA)
    return lam if z > 0 else lam * alpha * mp.exp(z)  # PyTorch: z <= 0 takes the exp branch


def relu6(z):
    return min(max(z, mpf(0)), mpf(6))


# id → (g, g'). Kink conventions (PyTorch) are in the comparisons.
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_d),
    "tanh": (mp.tanh, lambda z: 1 / mp.cosh(z) ** 2),
    "relu": (lambda z: max(z, mpf(0)), lambda z: mpf(1) if z > 0 else mpf(0)),
    "leaky-relu": (
        lambda z: z if z > 0 else mpf(LEAKY_ALPHA) * z,
        lambda z: mpf(1) if z > 0 else mpf(LEAKY_ALPHA),
    ),
    "elu": (
        lambda z: z if z > 0 else mpmath.expm1(z),
        lambda z: mpf(1) if z > 0 else mp.exp(z),
    ),
    "selu": (selu, selu_d),
    "softplus": (softplus, sigmoid),
    "silu": (lambda z: z * sigmoid(z), lambda z: sigmoid(z) * (1 + z * sigmoid(-z))),
    "gelu": (lambda z: z * ncdf(z), lambda z: ncdf(z) + z * npdf(z)),
    "gelu-tanh": (gelu_tanh, gelu_tanh_d),
    "mish": (mish, mish_d),
    "hard-sigmoid": (
        lambda z: relu6(z + 3) / 6,
        lambda z: mpf(1) / 6 if -3 < z < 3 else mpf(0),
    ),
    "hard-swish": (
        lambda z: z * relu6(z + 3) / 6,
        lambda z: mpf(0) if z < -3 else ((2 * z + 3) / 6 if z <= 3 else mpf(1)),
    ),
    "softsign": (lambda z: z / (1 + abs(z)), lambda z: 1 / (1 + abs(z)) ** 2),
    "relu6": (relu6, lambda z: mpf(1) if 0 < z < 6 else mpf(0)),
}

KINKS = [0.0, -3.0, 3.0, 6.0]
ROOT_GUESSES = {"silu": -1.28, "gelu": -0.75, "gelu-tanh": -0.75, "mish": -1.19}


def points():
    # 745, 740, 720, 710, 708, 700: where e^{-|z|} turns subnormal; 37-38.5: where Φ(z) does.
    fixed = [1000.0, 745.0, 740.0, 720.0, 710.0, 708.0, 700.0, 100.0, 40.0, 38.5, 38.0, 37.5, 37.0, 20.0, 10.0, 5.0, 3.0, 2.0, 1.0, 0.5, 1e-8, 1e-300]
    zs = {0.0}
    for x in fixed:
        zs.update((x, -x))
    for k in KINKS:
        zs.update((k, math.nextafter(k, -math.inf), math.nextafter(k, math.inf), k - 1e-6, k + 1e-6))
    # Around each zero of g' (SiLU, GELU, GELU-tanh, Mish), where direct formulas cancel; also at the
    # edge of the series' radius (0.375) in src/math/derivative-roots.ts.
    for name, x0 in ROOT_GUESSES.items():
        with mp.workdps(DPS):
            r = mp.findroot(ACTIVATIONS[name][1], mpf(x0))
        zs.add(float(r))
        for d in (1e-12, 1e-9, 1e-6, 1e-3, 0.1, 0.37, 0.38):
            zs.update((float(r - d), float(r + d)))
    rng = random.Random(SEED)
    zs.update(rng.uniform(-50.0, 50.0) for _ in range(RANDOM_COUNT))
    return sorted(zs)


def to_double(x):
    # One rounding: a 40-digit decimal, then Python's correctly rounded float().
    return float(mpmath.nstr(x, 40))


def evaluate(f, z):
    with mp.workdps(DPS):
        a = f(mpf(z))
    with mp.workdps(CHECK_DPS):
        b = f(mpf(z))
        # 1e-35, not 1e-60: near a zero of g' the formulas themselves cancel ~12 digits at DPS.
        # The stored value is b (CHECK_DPS digits); a double needs only ~17 of them.
        if b != 0 and abs((a - b) / b) > mpf(10) ** -35:
            raise AssertionError(f"unstable reference formula at z={z!r}: {a} vs {b}")
    return to_double(b)


def extremum(f, x0):
    """Root of f' near x0 (a minimum of g or a maximum of g'), with f' by mpmath's numerical diff."""
    with mp.workdps(DPS):
        z = mp.findroot(lambda t: mp.diff(f, t), mpf(x0))
        return {"z": repr(to_double(z)), "value": repr(to_double(f(z)))}


def main():
    zs = points()
    cases = {}
    for name, (g, dg) in ACTIVATIONS.items():
        cases[name] = [
            {"z": repr(z), "value": repr(evaluate(g, z)), "derivative": repr(evaluate(dg, z))}
            for z in zs
        ]
    extrema = {
        # Lower end of the range of the non-monotonic smooth activations: g at its minimum.
        "minValue": {
            "silu": extremum(ACTIVATIONS["silu"][0], -1.3),
            "gelu": extremum(ACTIVATIONS["gelu"][0], -0.75),
            "gelu-tanh": extremum(ACTIVATIONS["gelu-tanh"][0], -0.75),
            "mish": extremum(ACTIVATIONS["mish"][0], -1.2),
        },
        # Where |g'| is largest (a maximum of g' for these).
        "maxDerivative": {
            "sigmoid": extremum(ACTIVATIONS["sigmoid"][1], 0.5),
            "tanh": extremum(ACTIVATIONS["tanh"][1], 0.1),
            "silu": extremum(ACTIVATIONS["silu"][1], 2.4),
            "gelu": extremum(ACTIVATIONS["gelu"][1], 1.4),
            "gelu-tanh": extremum(ACTIVATIONS["gelu-tanh"][1], 1.4),
            "mish": extremum(ACTIVATIONS["mish"][1], 1.5),
        },
    }
    out = {
        "generator": "test/reference/generate.py",
        "mpmath": mpmath.__version__,
        "dps": DPS,
        "seed": SEED,
        "params": {
            "leaky-relu": {"alpha": LEAKY_ALPHA},
            "elu": {"alpha": 1},
            "selu": {"lambda": SELU_LAMBDA, "alpha": SELU_ALPHA},
            "softplus": {"beta": 1},
            "silu": {"beta": 1},
        },
        "cases": cases,
        "extrema": extrema,
    }
    path = Path(__file__).with_name("activations.json")
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path} ({len(zs)} points x {len(cases)} activations)")


if __name__ == "__main__":
    main()
