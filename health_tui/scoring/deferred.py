"""Fields of a frozen pydantic record worked out on first read, and records built without validation.

Scoring makes ten thousand records and most are never looked at closely: the sentences behind a
verdict (`ClientScore.reasons`) are read on the client screen and written to JSON, CSV and the
report, yet writing them for every client cost a fifth of the scoring. A deferred field holds a
`Later` until something reads it; the first read (an attribute, a dump, a comparison) works it out
and keeps it. The field stays a declared field: in its place in the field order, accepted by the
constructor, written by `model_dump` like any other. Until then the record keeps what working
it out needs (for a score, the client's facts): at 10,000 clients a scored portfolio holds about
a third of the memory it did with every sentence written at once.

`trusted` builds a record from values our own code computed from our own query, in field order and
of the field types exactly (tests/test_scoring_records.py checks that validating them changes
nothing); pydantic validation stays for what comes from outside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, SerializerFunctionWrapHandler, model_serializer

M = TypeVar("M", bound=BaseModel)
D = TypeVar("D", bound="DeferredFields")

_set = object.__setattr__


class Later:
    """A field's value not worked out yet: `make(record, *args)` works it out."""

    __slots__ = ("args", "make")

    def __init__(self, make: Callable[..., Any], *args: Any) -> None:
        self.make = make
        self.args = args


class _Deferred:
    """A data descriptor: it comes before the instance's `__dict__`, where the field's value (or
    its `Later`) is kept, so that every read of the attribute sees the worked-out value."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: BaseModel | None, owner: type | None = None) -> Any:
        if obj is None:
            raise AttributeError(self.name)
        value = obj.__dict__[self.name]
        if type(value) is Later:
            value = obj.__dict__[self.name] = value.make(obj, *value.args)
        return value

    def __set__(self, obj: BaseModel, value: Any) -> None:
        # reached only through object.__setattr__: a frozen model refuses assignment before this
        obj.__dict__[self.name] = value


class DeferredFields(BaseModel):
    """Base of a frozen model whose fields named in `deferred` may hold a `Later`. Whatever reads
    the stored values directly (the serializer, `==`, `repr`, pickle) reads them worked out first,
    so a `Later` is never seen outside the record."""

    deferred: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        for name in cls.deferred:
            if name not in cls.model_fields:
                raise TypeError(f"{cls.__name__}.{name} is not a field")
            setattr(cls, name, _Deferred(name))

    def settle(self: D) -> D:
        """The record with every deferred field worked out: its `__dict__` holds plain values."""
        for name in self.deferred:
            getattr(self, name)
        return self

    @model_serializer(mode="wrap")
    def _settled(self, handler: SerializerFunctionWrapHandler) -> Any:
        return handler(self.settle())

    def __eq__(self, other: object) -> bool:
        self.settle()
        if isinstance(other, DeferredFields):
            other.settle()
        return super().__eq__(other)

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        self.settle()
        return super().__repr_args__()

    def __getstate__(self) -> dict[Any, Any]:
        self.settle()  # a pickled record carries its values, not what worked them out
        return super().__getstate__()


def trusted(cls: type[M], values: dict[str, Any], fields_set: set[str]) -> M:
    """A record whose `__dict__` is `values` (every field, in field order, of its type), as
    `model_validate` would leave it, without validating; `fields_set` is shared, as a frozen
    record never changes it."""
    record = cls.__new__(cls)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record
