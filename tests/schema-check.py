#!/usr/bin/env python3
"""tests/schema-check.py SCHEMA (--valid|--invalid) FILE...

Validates each YAML file against the JSON Schema with a real validator
(Debian's python3-jsonschema, draft 7) and prints one line per file whose
verdict is not the one asked for: --valid files must pass, --invalid ones
must fail.  Exits 1 when any line was printed.  Used by tests/install.sh.
"""
import json
import sys

import jsonschema
import yaml


def main():
    schema_path, want, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    wrong = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        try:
            # libyaml, as mimeo reads: tabs after a colon too; bytes: a
            # UTF-8 or UTF-16 byte-order mark is understood
            doc = yaml.load(data, Loader=yaml.CSafeLoader)
        except yaml.YAMLError as e:
            print(f"{path}: not read as YAML: {e}".splitlines()[0])
            wrong += 1
            continue
        errors = list(validator.iter_errors(doc))
        if want == "--valid" and errors:
            e = errors[0]
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: rejected at {where or 'the top'}: {e.message}")
            wrong += 1
        elif want == "--invalid" and not errors:
            print(f"{path}: accepted, but mimeo rejects its keys")
            wrong += 1
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
