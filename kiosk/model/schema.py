"""Print the dataset's JSON Schema: ``python -m kiosk.model.schema > data/schema.json``."""

import json

from kiosk.model.dataset import Dataset


def schema_text() -> str:
    schema = Dataset.model_json_schema(by_alias=True)
    schema["$id"] = "https://example.invalid/jining-kiosk/dataset.schema.json"
    schema["title"] = "Kiosk dataset"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
