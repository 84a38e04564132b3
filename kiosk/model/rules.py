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
