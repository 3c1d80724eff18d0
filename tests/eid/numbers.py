"""Valid test identity numbers: any date and serial, with the Luhn check digit worked out here."""


def with_check_digit(first_eleven: str) -> str:
    """ÅÅÅÅMMDDNNN → ÅÅÅÅMMDDNNNK (the check digit over the ten-digit form's first nine digits)."""
    nine = first_eleven[2:]
    total = 0
    for position, char in enumerate(nine):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return first_eleven + str((10 - total % 10) % 10)


# Maja Ledamot's number, and another person's (both made up, valid by Luhn).
MAJA = with_check_digit("19800101238")
OTHER = with_check_digit("19751224111")
# A coordination number: born the 3rd, day 63.
COORDINATION = with_check_digit("19900563456")


def typed(number: str) -> str:
    """As a person types it: ÅÅÅÅMMDD-NNNN."""
    return f"{number[:8]}-{number[8:]}"
