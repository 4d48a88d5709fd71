"""Work kept for reuse, within a budget: the least recently used is dropped first.

The memory of figures keys an article with the batch it is imported in,
alone for its own repeats, and again as a candidate of each later article
that shares its figures; `find` keeps a document's keys here so that each
time after the first they are copied, not worked out again.  The budget is
in claims (a key is a few kilobytes), so a page of a thousand figures cannot
fill the memory, and a document too large for a share of the budget is not kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# The largest share of the budget one value may take and be kept.
_LARGEST_SHARE = 32


class Kept(Generic[K, V]):
    """Values made from keys, kept up to a total weight; thread-safe (a refresh runs off the GUI thread)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.hits = 0
        self.misses = 0
        self._kept: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, key: K, weight: int, make: Callable[[], V]) -> V:
        """The value kept for `key`, else `make()`, kept when it fits (`weight` of the budget)."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.hits += 1
                return found[0]
            self.misses += 1
        value = make()  # outside the lock: another thread's documents are keyed meanwhile
        if weight <= self.budget // _LARGEST_SHARE:
            with self._lock:
                if key not in self._kept:
                    self._kept[key] = (value, weight)
                    self._weight += weight
                    while self._weight > self.budget:
                        _, (_, dropped) = self._kept.popitem(last=False)
                        self._weight -= dropped
        return value

    @property
    def weight(self) -> int:
        """The total weight kept now."""
        return self._weight

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._weight = 0
