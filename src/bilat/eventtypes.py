"""The kinds of engagement (defined in docs/contract.md), in the order bilat lists them.

A module of its own so that the command line can name and check them without loading extraction's records.
"""
EVENT_TYPES = ("agreement", "meeting", "exercise", "arms_transfer", "industry", "mechanism")
