"""Rounding as people expect it: half away from zero (62.5 → 63, −2.5 → −3, 0.125 → 0.13).

Python's round() rounds half to even (62.5 → 62) and works on the binary float,
so round(2.675, 2) gives 2.67. Here a float is read by its shortest decimal
text (repr: 2.675 is "2.675"), the number a person would write down, and
rounded with Decimal's ROUND_HALF_UP, which rounds halves away from zero.

The API (kuulo/api/figures.py) and the pages' number formatting both round
through round_half_up, so a figure is never rounded two ways.
"""

from decimal import ROUND_HALF_UP, Decimal, localcontext


def round_half_up(value: float | int | Decimal | None, digits: int = 0) -> float | None:
    """`value` rounded to `digits` decimals, halves away from zero; None stays None.

    The result is a float whose shortest text has at most `digits` decimals
    (49.99999999999999 → 50.0 at one decimal). NaN and infinities are returned
    as they are: there is nothing to round.
    """
    if value is None:
        return None
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if not number.is_finite():
        return float(number)
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + digits + 2)  # 1e30 has room for its decimals too
        rounded = number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(rounded) + 0.0  # + 0.0 turns −0.0 into 0.0
