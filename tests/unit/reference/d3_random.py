"""
d3-random 3.0.2 ported to Python, to compute reference values for the seeded
demos independently of the TypeScript code: randomLcg, randomNormal (Marsaglia's
polar method, caching the second value), randomLogNormal, randomExponential,
randomGamma (Marsaglia-Tsang) and randomBeta (X / (X + Y)), with the same call
order as d3, so the same seed gives the same draws (up to the last bit of
exp/log). Used by the demo-*.test.ts and stats-*.test.ts reference comments:

    import sys; sys.path.insert(0, 'tests/unit/reference'); from d3_random import *
"""
import math


def lcg(seed):
    """d3.randomLcg(seed) for an integer seed: state = (0x19660D * state + 0x3C6EF35F) mod 2^32."""
    state = [int(abs(seed)) & 0xFFFFFFFF]

    def draw():
        state[0] = (0x19660D * state[0] + 0x3C6EF35F) & 0xFFFFFFFF
        return state[0] / 2**32

    return draw


def normal(source, mu=0.0, sigma=1.0):
    cache = {'x': None, 'r': None}

    def draw():
        if cache['x'] is not None:
            y = cache['x']
            cache['x'] = None
        else:
            while True:
                x = source() * 2 - 1
                y = source() * 2 - 1
                r = x * x + y * y
                if r and r <= 1:
                    break
            cache['x'], cache['r'] = x, r
        r = cache['r']
        return mu + sigma * y * math.sqrt(-2 * math.log(r) / r)

    return draw


def lognormal(source, mu, sigma):
    n = normal(source, mu, sigma)
    return lambda: math.exp(n())


def exponential(source, rate):
    return lambda: -math.log1p(-source()) / rate


def gamma_source(source):
    """d3.randomGamma.source(source): one normal generator shared by every gamma made from it."""
    standard_normal = normal(source)

    def gamma(k, theta=1.0):
        if k == 1:
            return lambda: -math.log1p(-source()) * theta
        d = (k + 1 if k < 1 else k) - 1 / 3
        c = 1 / (3 * math.sqrt(d))
        multiplier = (lambda: source() ** (1 / k)) if k < 1 else (lambda: 1)

        def draw():
            while True:
                while True:
                    x = standard_normal()
                    v = 1 + c * x
                    if v > 0:
                        break
                v = v * v * v
                u = 1 - source()
                if not (u >= 1 - 0.0331 * x ** 4 and math.log(u) >= 0.5 * x * x + d * (1 - v + math.log(v))):
                    break
            return d * v * multiplier() * theta

        return draw

    return gamma


def beta(source, a, b):
    """d3.randomBeta.source(source)(a, b): each call makes its own gamma source."""
    g = gamma_source(source)
    x_draw, y_draw = g(a), g(b)

    def draw():
        x = x_draw()
        return 0 if x == 0 else x / (x + y_draw())

    return draw
