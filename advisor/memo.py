"""Remembering answers about read-only objects, by identity.

The catalogue and everything in it are frozen and shared by every session, so a question about
them (an index, a plan, an eligibility) has one answer for as long as they live. These helpers
key a cache on an object's identity rather than its value: hashing a whole catalogue or rule set
by value on every call would cost more than the answer. The cache holds the object itself, so
its id is never reused while the entry lives. Nothing here changes the objects.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Same:
    """An object as a cache key by identity."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value


def per_object(function: Callable[[Any], T]) -> Callable[[Any], T]:
    """``function(obj)`` worked out once per object (a few objects kept: catalogues)."""

    @functools.lru_cache(maxsize=8)
    def remembered(key: Same) -> T:
        return function(key.value)

    @functools.wraps(function)
    def call(obj: Any) -> T:
        return remembered(Same(obj))

    call.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
    return call
