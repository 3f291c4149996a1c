#!/usr/bin/env python3
"""Reference numbers for lessons 9-11 (output layers, backprop through a layer, initialisation).

Run from the repository root:

    python3 test/reference/lesson-numbers.py

It writes test/reference/lesson-numbers.json, read by test/content/lesson-numbers.test.ts:

- "keys": every numeric exercise of the three lessons, at every combination of its parameter
  choices (read from the exercise files, so a new choice is covered), its value recomputed here
  from the mathematics (mpmath at DPS digits and again at CHECK_DPS, which must agree to 30
  digits), never from the exercise's own answer text; rounded once to the nearest double and
  stored with Python's repr;
- "expressions": the expression exercises' keys derived here with sympy (a loss differentiated,
  a Taylor polynomial taken), printed in the answer syntax, so the test can grade them against
  the site's key;
- "prose": every number the three lessons' prose and exercise texts state, each with the exact
  text it stands in (the test finds the quote in the file) and the reference value; a number
  shown with d digits must be the reference rounded there (half a unit in the last digit), or
  within the stated "relative" error where the prose says "about", or of the same order of
  magnitude (log10 rounded) where it states one ("order").

The second moments E[g(z)^2] live in init-moments.py; this file covers everything else.
"""

import itertools
import json
from pathlib import Path

import sympy
import yaml
from mpmath import mp, mpf

DPS = 40
CHECK_DPS = 60
ROOT = Path(__file__).resolve().parents[2]
LESSONS = ["output-layers", "backprop-through-a-layer", "initialisation"]


def at_precision(fn):
    """fn() at DPS and CHECK_DPS digits; the two must agree to 30 digits. Returns the double."""
    mp.dps = CHECK_DPS
    hi = fn()
    mp.dps = DPS
    lo = fn()
    mp.dps = CHECK_DPS
    if abs(hi - lo) > abs(hi) * mpf(10) ** -30 + mpf(10) ** -80:
        raise SystemExit(f"precision check failed: {lo} vs {hi}")
    return float(hi)


def sig(z):
    return 1 / (1 + mp.exp(-mpf(z)))


def dsig(z):
    s = sig(z)
    return s * (1 - s)


def softmax(zs):
    e = [mp.exp(mpf(z)) for z in zs]
    total = sum(e)
    return [x / total for x in e]


def tanh_slope(z):
    return 1 - mp.tanh(mpf(z)) ** 2


def relu(z):
    z = mpf(z)
    return z if z > 0 else mpf(0)


def squared_error_size(z):
    """|dL/dz| of squared error with y = 1: 2(1 - sigma(z)) sigma'(z)."""
    return 2 * (1 - sig(z)) * dsig(z)


def argmax_squared_error():
    """Where that size is largest: its derivative's root (mpmath's diff and findroot)."""
    return mp.findroot(lambda t: mp.diff(squared_error_size, t), -0.7)


def m(text):
    """A parameter as the exercise file writes it (a decimal), exactly: mpf of the decimal string."""
    return mpf(str(text))


# The mathematics of each numeric exercise, written from its prompt (not from its `answer`).
KEYS = {
    # Lesson 9: output layers.
    "bce-gradient-at-logit": lambda v: sig(m(v["z0"])) - 0,  # sigma(z) - y, y = 0
    "gradient-ratio-saturated": lambda v: abs(sig(m(v["z0"])) - 1)
    / abs(2 * (sig(m(v["z0"])) - 1) * dsig(m(v["z0"]))),
    # max over z of |2(sigma - 1) sigma'|, found numerically (not from a = 1/3).
    "squared-error-largest-gradient": lambda v: squared_error_size(argmax_squared_error()),
    # d s_1 / d z_2 by differentiating the softmax numerically (mpmath's diff at high precision).
    "softmax-jacobian-off-diagonal": lambda v: mp.diff(lambda t: softmax([m(v["c"]), t, -1])[0], 0),
    "softmax-jacobian-diagonal": lambda v: mp.diff(lambda t: softmax([0, t])[1], m(v["b"])),
    # d/dz_1 of -ln s_1 (label class 1).
    "softmax-cross-entropy-gradient": lambda v: mp.diff(lambda t: -mp.log(softmax([t, 1, 0])[0]), m(v["c"])),
    "softmax-cross-entropy-other-class": lambda v: mp.diff(lambda t: -mp.log(softmax([2, t, 0])[0]), 1),
    # Lesson 10: backprop through a layer (derivatives of the losses taken numerically by mpmath).
    "sigmoid-neuron-gradient": lambda v: mp.diff(
        lambda w: (sig(w * m(v["x"])) - 1) ** 2 / 2, m(v["w"])
    ),
    "backprop-neuron-bias-gradient": lambda v: mp.diff(
        lambda b: (mp.tanh(m(v["z0"]) + b) - m(v["y"])) ** 2 / 2, 0
    ),
    # delta_1 = d L / d z_1 with dL/d yhat = -0.3: v1 * (-0.3) * tanh'(z1).
    "backprop-two-unit-delta": lambda v: mp.diff(lambda z: m(v["v1"]) * mp.tanh(z), m(v["z1"])) * m("-0.3"),
    # The prompt fixes delta_1 = -0.2285 (the table's, to four digits): dL/dw12 = delta_1 * x2.
    "backprop-two-unit-weight": lambda v: m("-0.2285") * m(v["x2"]),
    "backprop-relu-layer-delta": lambda v: m("-0.9") * (1 if m(v["z2"]) > 0 else 0),
    "backprop-central-difference": lambda v: (
        mp.tanh(m(v["z0"]) + m(H_TANH)) - mp.tanh(m(v["z0"]) - m(H_TANH))
    )
    / (2 * m(H_TANH)),
    "backprop-kink-central-difference": lambda v: (relu(m(v["z0"]) + m("0.01")) - relu(m(v["z0"]) - m("0.01")))
    / m("0.02"),
    # Lesson 11: initialisation.
    "init-variance-numeric": lambda v: m(v["n"]) * m("0.01") * m(v["m"]),
    # E[ReLU(z)^2] for z ~ N(0, q), by quadrature.
    "init-relu-second-moment": lambda v: mp.quad(
        lambda z: z * z * mp.npdf(z, 0, mp.sqrt(m(v["q"]))), [0, mp.inf]
    ),
    # Var(w) with n Var(w) E[ReLU(z)^2] / Var(z) = 1, E[ReLU(z)^2] / Var(z) by quadrature at Var(z) = 1.
    "init-he-variance": lambda v: 1 / (m(v["n"]) * mp.quad(lambda z: z * z * mp.npdf(z), [0, mp.inf])),
    "init-leaky-he": lambda v: 1
    / (
        m(v["n"])
        * (
            mp.quad(lambda z: z * z * mp.npdf(z), [0, mp.inf])
            + m(v["a"]) ** 2 * mp.quad(lambda z: z * z * mp.npdf(z), [-mp.inf, 0])
        )
    ),
    "init-sigmoid-slope-at-zero": lambda v: mp.diff(sig, 0),
    "init-sigmoid-xavier-factor": lambda v: mp.diff(sig, 0) ** 2,
    # E[ReLU'(z)^2] = P(z > 0) = 1/2 per layer with n Var(w) = 1, L layers.
    "init-relu-xavier-depth": lambda v: mp.quad(mp.npdf, [0, mp.inf]) ** int(v["L"]),
    "init-standard-normal-relu": lambda v: m(v["n"]) * mp.quad(mp.npdf, [0, mp.inf]),
}

# The step of the exercise backprop-central-difference (read from its prompt below).
H_TANH = None


def exercise_files():
    for lesson in LESSONS:
        path = ROOT / "content" / "exercises" / f"{lesson}.yaml"
        for e in yaml.safe_load(path.read_text())["exercises"]:
            yield lesson, e


def combos(params):
    if not params:
        yield {}
        return
    names = sorted(params)
    lists = []
    for name in names:
        spec = params[name]
        if "choices" not in spec:
            raise SystemExit(f"only choices are supported, not {spec}")
        lists.append(spec["choices"])
    for values in itertools.product(*lists):
        yield dict(zip(names, values))


def keys():
    global H_TANH
    out = {}
    for _lesson, e in exercise_files():
        if e["kind"] != "numeric":
            continue
        if e["id"] == "backprop-central-difference":
            # "… and $h = 0.1$.": the step the prompt states.
            import re

            H_TANH = re.search(r"\$h = ([\d.]+)\$", e["prompt"]).group(1)
        fn = KEYS.get(e["id"])
        if fn is None:
            raise SystemExit(f"no reference for the numeric exercise {e['id']}")
        rows = []
        for values in combos(e.get("params")):
            rows.append({"params": values, "value": repr(at_precision(lambda: mpf(fn(values))))})
        out[e["id"]] = rows
    return out


def expressions():
    """Expression keys derived with sympy, printed in the answer syntax (** as ^)."""
    z, a = sympy.symbols("z a", real=True)
    s = 1 / (1 + sympy.exp(-z))
    text = lambda e: str(e).replace("**", "^")
    out = {}
    # dL/da of L = -ln a.
    out["bce-derivative-by-output"] = [{"params": {}, "answer": text(sympy.diff(-sympy.log(a), a))}]
    rows = []
    for y in [0, 1, sympy.Rational(1, 5)]:
        L = -y * sympy.log(s) - (1 - y) * sympy.log(1 - s)
        rows.append({"params": {"y": float(y)}, "answer": text(sympy.simplify(sympy.diff(L, z)))})
    out["bce-sigmoid-gradient"] = rows
    out["squared-error-gradient-expression"] = [{"params": {}, "answer": text(sympy.diff((s - 1) ** 2, z))}]
    rows = []
    params = next(e for _lesson, e in exercise_files() if e["id"] == "backprop-hidden-delta")["params"]
    choices = [params[k]["choices"] for k in ("u1", "u2", "d1", "d2")]
    for u1, u2, d1, d2 in itertools.product(*choices):
        # L's gradient reaching the outputs is d1, d2; z feeds them through tanh and the weights.
        zz = sympy.Symbol("z", real=True)
        outputs = [sympy.nsimplify(u1) * sympy.tanh(zz), sympy.nsimplify(u2) * sympy.tanh(zz)]
        delta = sympy.nsimplify(d1) * sympy.diff(outputs[0], zz) + sympy.nsimplify(d2) * sympy.diff(outputs[1], zz)
        rows.append({"params": {"u1": u1, "u2": u2, "d1": d1, "d2": d2}, "answer": text(delta)})
    out["backprop-hidden-delta"] = rows
    taylor = sympy.series(s, z, 0, 2).removeO()
    out["init-sigmoid-linearisation"] = [{"params": {}, "answer": text(taylor)}]
    return out


def prose():
    """Numbers stated in the lessons' prose and the exercise texts, with the text they stand in."""
    L9 = "content/lessons/output-layers.mdx"
    E9 = "content/exercises/output-layers.yaml"
    L10 = "content/lessons/backprop-through-a-layer.mdx"
    E10 = "content/exercises/backprop-through-a-layer.yaml"
    L11 = "content/lessons/initialisation.mdx"
    E11 = "content/exercises/initialisation.yaml"
    rows = []

    def add(file, quote, shown, value, relative=None, what="", order=False):
        row = {"file": file, "quote": quote, "shown": shown, "value": repr(at_precision(lambda: mpf(value())))}
        if relative is not None:
            row["relative"] = relative
        if order:
            row["order"] = True
        row["what"] = what
        rows.append(row)

    # Lesson 9.
    add(L9, r"\sigma(-10) \approx 4.54 \times 10^{-5}", "4.54e-5", lambda: sig(-10), what="σ(−10)")
    add(L9, r"\sigma(-10) - 1 \approx -0.99995", "-0.99995", lambda: sig(-10) - 1, what="BCE gradient at z = −10, y = 1")
    add(
        L9,
        r"2\bigl(\sigma(-10) - 1\bigr)\sigma'(-10) \approx -9.1 \times 10^{-5}",
        "-9.1e-5",
        lambda: 2 * (sig(-10) - 1) * dsig(-10),
        what="squared-error gradient at z = −10, y = 1",
    )
    add(
        L9,
        "about eleven thousand times smaller",
        "11000",
        lambda: (sig(-10) - 1) / (2 * (sig(-10) - 1) * dsig(-10)),
        relative=0.05,
        what="ratio of the two gradients at z = −10",
    )
    zmax = argmax_squared_error
    add(L9, r"\frac{8}{27} \approx 0.296", "0.296", lambda: squared_error_size(zmax()), what="max |squared-error gradient|")
    add(L9, r"reached at $z = -\ln 2$", "-0.6931471805599453", zmax, relative=1e-15, what="where it is reached")
    add(L9, r"where $\sigma(z) = \frac{1}{3}$", "0.3333333333333333", lambda: sig(zmax()), relative=1e-15, what="σ there")
    S = lambda: mp.e + 1 + mp.exp(-1)
    add(L9, r"S = e^{1} + e^{0} + e^{-1} \approx 4.086", "4.086", S, what="softmax denominator")
    add(L9, r"\dfrac{e^{1}}{S} \approx 0.665", "0.665", lambda: softmax([1, 0, -1])[0], what="s₁")
    add(L9, r"\dfrac{e^{0}}{S} \approx 0.245", "0.245", lambda: softmax([1, 0, -1])[1], what="s₂")
    add(
        L9,
        r"-\dfrac{e^{1} \cdot e^{0}}{S^{2}} \approx -0.163",
        "-0.163",
        lambda: mp.diff(lambda t: softmax([1, t, -1])[0], 0),
        what="∂s₁/∂z₂",
    )
    add(
        L9,
        r"\Bigl(1 - \dfrac{e^{1}}{S}\Bigr) \approx 0.223",
        "0.223",
        lambda: mp.diff(lambda t: softmax([t, 0, -1])[0], 1),
        what="∂s₁/∂z₁",
    )
    add(E9, r"$\sigma'(-8) \approx 3.35 \times 10^{-4}$", "3.35e-4", lambda: dsig(-8), what="σ′(−8)")
    add(E9, r"$\sigma(-8) - 1 \approx -0.9997$, nearly", "-0.9997", lambda: sig(-8) - 1, what="BCE gradient at −8")
    add(
        E9,
        r"2\bigl(\sigma(-8) - 1\bigr)\sigma'(-8) \approx -6.7 \times 10^{-4}",
        "-6.7e-4",
        lambda: 2 * (sig(-8) - 1) * dsig(-8),
        what="squared-error gradient at −8",
    )
    add(E9, r"$1/(2\sigma'(-8)) \approx 1491$", "1491", lambda: 1 / (2 * dsig(-8)), what="ratio at −8")
    add(E9, "about $1500$ times smaller", "1500", lambda: 1 / (2 * dsig(-8)), relative=0.01, what="ratio at −8, in words")

    # Lesson 10: the worked example (x, W, v, y of components/numerics/two-unit-example.ts).
    x = [m(1), m("0.5")]
    W = [[m("0.8"), m("-0.4")], [m("0.3"), m("1.2")]]
    v = [m(1), m("-0.5")]
    y = m("0.5")

    def forward(W=W, v=v):
        zs = [W[i][0] * x[0] + W[i][1] * x[1] for i in range(2)]
        hs = [mp.tanh(t) for t in zs]
        yhat = v[0] * hs[0] + v[1] * hs[1]
        return zs, hs, yhat, (yhat - y) ** 2 / 2

    def grad_w(i, j):
        def loss(t):
            W2 = [row[:] for row in W]
            W2[i][j] = t
            return forward(W2)[3]

        return mp.diff(loss, W[i][j])

    add(L10, r"$0.8 \cdot 1 - 0.4 \cdot 0.5 = 0.6$", "0.6", lambda: forward()[0][0], relative=1e-15, what="z₁")
    add(L10, r"$\tanh(0.6) \approx 0.5370$", "0.5370", lambda: forward()[1][0], what="a₁")
    add(L10, r"$1 - \tanh^{2}(0.6) \approx 0.7116$", "0.7116", lambda: tanh_slope("0.6"), what="g′(z₁)")
    add(
        L10,
        r"\frac{\tanh(0.601) - \tanh(0.599)}{0.002} \approx 0.71158",
        "0.71158",
        lambda: (mp.tanh(m("0.601")) - mp.tanh(m("0.599"))) / m("0.002"),
        what="central difference of tanh at 0.6",
    )
    add(L10, r"$1 - \tanh^{2}(0.6) \approx 0.71158$", "0.71158", lambda: tanh_slope("0.6"), what="tanh′(0.6)")
    # delta_1 = dL/dz_1 of the worked example, differentiating the loss through z_1.
    delta1 = lambda: mp.diff(lambda t: (v[0] * mp.tanh(t) + v[1] * forward()[1][1] - y) ** 2 / 2, forward()[0][0])
    add(E10, r"the error $\delta_1 \approx -0.2285$", "-0.2285", delta1, what="δ₁ of the worked example")
    rows.append(
        {
            "table": "two-unit",
            "what": "the worked example's table, every entry",
            "values": {
                "z": [repr(at_precision(lambda i=i: forward()[0][i])) for i in range(2)],
                "a": [repr(at_precision(lambda i=i: forward()[1][i])) for i in range(2)],
                "yHat": repr(at_precision(lambda: forward()[2])),
                "loss": repr(at_precision(lambda: forward()[3])),
                "outputError": repr(at_precision(lambda: forward()[2] - y)),
                "gradW": [[repr(at_precision(lambda i=i, j=j: grad_w(i, j))) for j in range(2)] for i in range(2)],
                "gradV": [
                    repr(
                        at_precision(
                            lambda i=i: mp.diff(
                                lambda t: forward(W, [t if k == i else v[k] for k in range(2)])[3], v[i]
                            )
                        )
                    )
                    for i in range(2)
                ],
            },
        }
    )
    h = m("0.001")
    add(L10, "gives $\\tfrac12$, the average", "0.5", lambda: (relu(h) - relu(-h)) / (2 * h), relative=1e-15, what="ReLU central difference at 0")

    # Lesson 11.
    half = lambda: mp.quad(lambda z: z * z * mp.npdf(z), [0, mp.inf])  # E[ReLU(z)^2] / Var(z)
    add(L11, r"$100 \cdot 1 \cdot \tfrac12 = 50$", "50", lambda: 100 * 1 * half(), relative=1e-15, what="standard normal ReLU layer's variance factor")
    add(L11, r"$\sqrt{50} \approx 7.07$", "7.07", lambda: mp.sqrt(100 * half()), what="its size factor")
    add(
        L11,
        "(About 7 times larger per layer: 10⁴² after 50.)",
        "1e42",
        lambda: mp.sqrt(100 * half()) ** 50,
        order=True,
        what="size after 50 standard-normal ReLU layers (an order of magnitude: 10⁴²·⁵)",
    )
    add(
        L11,
        r"\left(\tfrac{1}{\sqrt{2}}\right)^{20} \approx 9.8 \times 10^{-4}",
        "9.8e-4",
        lambda: mp.sqrt(mp.quad(mp.npdf, [0, mp.inf])) ** 20,
        what="gradient size after 20 ReLU layers with Xavier",
    )
    add(L11, r"$\sigma'(0) = \tfrac14$", "0.25", lambda: mp.diff(sig, 0), relative=1e-15, what="σ′(0)")
    add(L11, r"$\sigma(0) = \tfrac12$", "0.5", lambda: sig(0), relative=1e-15, what="σ(0)")
    add(
        L11,
        r"at most $\tfrac{1}{16}$ per layer",
        "0.0625",
        lambda: dsig(mp.findroot(lambda t: mp.diff(dsig, t), 0.1)) ** 2,
        relative=1e-15,
        what="Xavier's factor for the sigmoid, at most (σ′ is largest at 0)",
    )
    add(E11, r"about $10^{-12}$ of what it was", "1e-12", lambda: (dsig(0) ** 2) ** 10, order=True, what="(1/16)^10")
    return rows


def main():
    out = {
        "generator": "test/reference/lesson-numbers.py",
        "dps": CHECK_DPS,
        "keys": keys(),
        "expressions": expressions(),
        "prose": prose(),
    }
    path = Path(__file__).with_name("lesson-numbers.json")
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {path}: {sum(len(r) for r in out['keys'].values())} keys, {len(out['prose'])} prose numbers")


if __name__ == "__main__":
    main()
