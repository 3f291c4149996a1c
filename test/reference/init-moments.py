#!/usr/bin/env python3
"""Reference second moments for the initialisation lesson (content/lessons/initialisation.mdx).

Run from the repository root:

    python3 test/reference/init-moments.py

It writes test/reference/init-moments.json: for z ~ N(0, q) and each activation g below,
E[g(z)^2] and E[g'(z)^2], by mpmath quadrature split at 0 (the kink of ReLU and leaky ReLU),
at DPS digits and again at CHECK_DPS digits (the two must agree to 30 digits), each rounded once
to the nearest double and stored with Python's repr (exact through JavaScript's Number(string)).
Also g'(0) for the smooth ones, and the He and Xavier factors n*Var(w)*E[g(z)^2]/q.
"""

import json
from pathlib import Path

import mpmath
from mpmath import mp, mpf

DPS = 40
CHECK_DPS = 60
VARIANCES = ["0.25", "1", "4"]
LEAKY_ALPHA = 0.01  # the double 0.01, as the registry's default


def sigmoid(z):
    return 1 / (1 + mp.exp(-z))


def sigmoid_d(z):
    e = mp.exp(-z)
    return e / (1 + e) ** 2


ACTIVATIONS = {
    # id: (g, g')
    "relu": (lambda z: max(z, 0), lambda z: mpf(1) if z > 0 else mpf(0)),
    "leaky-relu": (
        lambda z: z if z > 0 else mpf(LEAKY_ALPHA) * z,
        lambda z: mpf(1) if z > 0 else mpf(LEAKY_ALPHA),
    ),
    "tanh": (mp.tanh, lambda z: 1 - mp.tanh(z) ** 2),
    "sigmoid": (sigmoid, sigmoid_d),
}


def moment(f, q):
    # E[f(Z)^2], Z ~ N(0, q): integrate f(z)^2 phi_q(z) on each side of 0.
    sd = mp.sqrt(q)
    density = lambda z: mp.exp(-z * z / (2 * q)) / (sd * mp.sqrt(2 * mp.pi))
    integrand = lambda z: f(z) ** 2 * density(z)
    return mp.quad(integrand, [-mp.inf, 0]) + mp.quad(integrand, [0, mp.inf])


def at(dps, fn):
    mp.dps = dps
    return fn()


def double(fn):
    hi = at(CHECK_DPS, fn)
    lo = at(DPS, fn)
    mp.dps = CHECK_DPS
    if abs(hi - lo) > abs(hi) * mpf(10) ** -30 + mpf(10) ** -80:
        raise SystemExit(f"precision check failed: {lo} vs {hi}")
    return float(hi)


def main():
    out = {"generator": "test/reference/init-moments.py", "dps": CHECK_DPS, "moments": {}, "slopeAtZero": {}}
    for name, (g, dg) in ACTIVATIONS.items():
        rows = []
        for q in VARIANCES:
            rows.append(
                {
                    "variance": q,
                    "g2": repr(double(lambda: moment(g, mpf(q)))),
                    "dg2": repr(double(lambda: moment(dg, mpf(q)))),
                }
            )
        out["moments"][name] = rows
    out["slopeAtZero"]["tanh"] = repr(double(lambda: 1 - mp.tanh(0) ** 2))
    out["slopeAtZero"]["sigmoid"] = repr(double(lambda: sigmoid_d(mpf(0))))
    path = Path(__file__).with_name("init-moments.json")
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
