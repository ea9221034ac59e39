"""Writing integers in Chinese numerals, for round-trip tests of the parser."""
from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write 0 < n < 10^12 the way reports do (一百零五, 两千, 十四, 三万零五百)."""
    def below_10k(x: int, lead: bool) -> str:
        out, zero = "", False
        for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d, x = divmod(x, value)
            if d:
                if zero:
                    out += "零"
                if unit == "十" and d == 1 and not out and lead:
                    out += "十"
                else:
                    out += _DIGITS[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    parts, out = [(100_000_000, "亿"), (10_000, "万"), (1, "")], ""
    for value, name in parts:
        chunk, n = divmod(n, value)
        if chunk:
            if out and chunk < 1000:
                out += "零"
            out += below_10k(chunk, lead=not out) + name
    return out
