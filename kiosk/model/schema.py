"""Print the dataset's JSON Schema: ``python -m kiosk.model.schema > data/schema.json``. Qt-free."""

import json

from kiosk.model.dataset import Dataset
from kiosk.model.validation import json_schema


def schema_text() -> str:
    schema = json_schema(Dataset)
    # Editors find the schema through the file's own "$schema" (the loader takes it out).
    schema["properties"] = {"$schema": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None,
                                        "title": "$Schema"},
                            **schema["properties"]}
    schema["$id"] = "https://example.invalid/jining-kiosk/dataset.schema.json"
    schema["title"] = "Kiosk dataset"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
