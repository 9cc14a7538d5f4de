"""Texts the encoder runtime tests share."""

# Written for these tests: short, long, odd punctuation, numbers, several of one length.
TEXTS = [
    "The council approved the budget on Monday.",
    "Critics called the so-called reform an unprovoked assault on the city's poorest residents, "
    "and the mayor's office said it would review the plan before the vote in March.",
    "Zoë's café — “fine”, she said (really?) — reopened at 9:30 a.m.",
    "Yes.",
    "No.",
    "",
]
