"""Named actors (people, countries, organisations) with aliases and demonyms grouped.

>>> from summarize.entities import find_actors
>>> [a.name for a in find_actors(doc)]
"""

from summarize.entities.actors import Actor, Mention
from summarize.entities.recognize import find_actors

__all__ = ["Actor", "Mention", "find_actors"]
