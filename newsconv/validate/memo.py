"""A one-entry memo for the work done once per article and shared by its formats.

The formats of one article are written one after the other (its JSON-LD and its RDF share one
schema.org description, one set of statements, one checked graph), so remembering the result
for the last article is all that is needed; it holds nothing else alive. Light on purpose:
importing it loads no RDF library.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from newsconv import schema_store
from newsconv.validate import engines

Argument = TypeVar("Argument")
Result = TypeVar("Result")


def last_result(function: Callable[[Argument], Result]) -> Callable[[Argument], Result]:
    """``function`` remembering its result for the last argument, recognised by identity.

    A result is remembered with the engines and the schema store that made it.
    """
    last: list[tuple[Argument, tuple[object, ...], Result]] = []

    def remembered(argument: Argument) -> Result:
        mode = (*engines.mode(), schema_store.current())
        if last and last[0][0] is argument and last[0][1] == mode:
            return last[0][2]
        result = function(argument)
        last[:] = [(argument, mode, result)]
        return result

    remembered.__doc__ = function.__doc__
    return remembered
