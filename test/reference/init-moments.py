#!/usr/bin/env python3
"""Reference second moments for the initialisation lesson (content/lessons/initialisation.mdx).

Run from the repository root:

    python3 test/reference/init-moments.py

It writes test/reference/init-moments.json: for z ~ N(0, q) and each activation g below,
E[g(z)^2] and E[g'(z)^2], by mpmath quadrature split at 0 (the kink of ReLU and leaky ReLU),
at DPS digits and again at CHECK_DPS digits (the two must agree to 30 digits), each rounded once
to the nearest double and stored with Python's repr (exact through JavaScript's Number(string)).
Also g'(0) for the smooth ones, and the He and Xavier factors n*Var(w)*E[g(z)^2]/q.

And "depth": the depth-flow widget's recursions through DEPTH layers of n = 100 units
(components/plots/specs/depth-flow-spec.ts, initFlowData), recomputed here for the pairings the
lesson's notes describe: Var(z1) = 1, Var(z_{l+1}) = G E[g(z_l)^2] with G = n Var(w) (1 Xavier,
2 He, 100 standard normal), the signal's RMS sqrt(Var(z_{l+1})) and the gradient's RMS
prod_l sqrt(G E[g'(z_l)^2]) after each layer.
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
    # E[f(Z)^2], Z ~ N(0, q), as E[f(sqrt(q) T)^2] with T ~ N(0, 1) (in standard units, so a huge q, as
    # after many standard-normal layers, keeps the quadrature's nodes where the mass is): integrate
    # on each side of 0, the kink of ReLU and leaky ReLU.
    sd = mp.sqrt(q)
    integrand = lambda t: f(sd * t) ** 2 * mp.exp(-t * t / 2) / mp.sqrt(2 * mp.pi)
    return mp.quad(integrand, [-mp.inf, 0]) + mp.quad(integrand, [0, mp.inf])


def at(dps, fn):
    mp.dps = dps
    return fn()


def double(fn):
    return doubles(lambda: [fn()])[0]


def doubles(fn):
    """fn() (a list of numbers) at CHECK_DPS and DPS digits; they must agree to 30 digits."""
    hi = at(CHECK_DPS, fn)
    lo = at(DPS, fn)
    mp.dps = CHECK_DPS
    for h, l in zip(hi, lo):
        if abs(h - l) > abs(h) * mpf(10) ** -30 + mpf(10) ** -80:
            raise SystemExit(f"precision check failed: {l} vs {h}")
    return [float(h) for h in hi]


DEPTH = 20
DEPTH_CASES = [("relu", 1), ("relu", 2), ("relu", 100), ("tanh", 1), ("tanh", 100), ("sigmoid", 1)]


def depth(name, gain):
    g, dg = ACTIVATIONS[name]
    q = mpf(1)
    gradient = mpf(1)
    signal_rows, gradient_rows = [], []
    for _ in range(DEPTH):
        gradient *= mp.sqrt(gain * moment(dg, q))
        q = gain * moment(g, q)
        signal_rows.append(mp.sqrt(q))
        gradient_rows.append(gradient)
    return signal_rows, gradient_rows


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
    out["depth"] = []
    for name, gain in DEPTH_CASES:
        pick = lambda rows: [x for k in (4, 9, 19) for x in (rows[0][k], rows[1][k])]
        rows = doubles(lambda: pick(depth(name, gain)))
        signal = [repr(x) for x in rows[0::2]]
        gradient = [repr(x) for x in rows[1::2]]
        out["depth"].append({"activation": name, "gain": gain, "layers": [5, 10, 20], "signal": signal, "gradient": gradient})
    path = Path(__file__).with_name("init-moments.json")
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
