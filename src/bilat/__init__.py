"""bilat: who engaged with whom in defence, when, where, and who said what."""

__version__ = "0.1.0"
