"""How a record field states what a valid value is, without importing the validator. Qt-free."""


class Rules:
    """A field's constraints (in pydantic-core's words, e.g. ``ge=0``) and its description.

    Only the validator reads them: pydantic calls the two hooks below while it builds its schema.
    """

    def __init__(self, description: str | None = None, **constraints):
        self.description = description
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source, handler):
        return {**handler(source), **self.constraints}

    def __get_pydantic_json_schema__(self, core_schema, handler):
        json_schema = handler(core_schema)
        if self.description:
            json_schema["description"] = self.description
        return json_schema


class Refers:
    """Marks an id that names another record ("figure", "fact", ...): the reference checks
    follow every field marked so, and an editor can offer the records of that kind to pick."""

    def __init__(self, kind: str):
        self.kind = kind


class OneOfKinds:
    """A union of records told apart by their "kind" field: a record is checked only against the
    kind it names, and an unknown kind is one clear problem instead of one per possible kind."""

    def __get_pydantic_core_schema__(self, source, handler):
        import typing

        from pydantic_core import core_schema

        union = handler(source)
        tags = [typing.get_args(typing.get_type_hints(kind)["kind"])[0] for kind in typing.get_args(source)]
        return core_schema.tagged_union_schema(dict(zip(tags, union["choices"])), discriminator="kind")
