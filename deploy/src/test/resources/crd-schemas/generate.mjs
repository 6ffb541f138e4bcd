// Writes a JSON Schema per custom resource kind from the operators' own CRDs (see README.md): the served version's
// openAPIV3Schema, turned into JSON Schema draft-07 as Kubernetes' strict field validation reads it.
// Run with `npm install && node generate.mjs <crd.yaml>...` in a copy of this folder.
import { readFileSync, writeFileSync } from "node:fs";
import { load } from "js-yaml";

const objectMeta = JSON.parse(readFileSync("object-meta.json", "utf8")).definitions;

for (const file of process.argv.slice(2)) {
  const crd = load(readFileSync(file, "utf8"));
  const { group, names } = crd.spec;
  for (const version of crd.spec.versions.filter((v) => v.served)) {
    const apiVersion = `${group}/${version.name}`;
    const root = convert(version.schema.openAPIV3Schema);
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      title: `${names.kind} ${apiVersion}`,
      ...root,
      required: [...new Set(["apiVersion", "kind", "metadata", ...(root.required ?? [])])],
      properties: {
        ...root.properties,
        apiVersion: { const: apiVersion },
        kind: { const: names.kind },
        metadata: { $ref: "#/definitions/ObjectMeta" },
      },
      definitions: objectMeta,
    };
    delete schema.properties.status; // the operator's to write
    const out = `${group}_${version.name}_${names.kind}.json`;
    writeFileSync(out, JSON.stringify(schema, null, 1) + "\n");
    console.log(out);
  }
}

/**
 * OpenAPI v3 (Kubernetes' structural schema) to JSON Schema: objects with listed properties are closed (an unknown
 * field is refused, as `kubectl apply --validate=strict` does) unless x-kubernetes-preserve-unknown-fields keeps
 * them open; nullable adds null; int-or-string takes both. Prose, formats and CEL rules (x-kubernetes-validations)
 * are dropped: the validator does not evaluate CEL, and the formats are Go's (int32, int64).
 */
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (typeof node !== "object" || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (["description", "format", "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
         "x-kubernetes-map-type", "x-kubernetes-embedded-resource", "x-kubernetes-preserve-unknown-fields",
         "x-kubernetes-int-or-string", "nullable"].includes(key)) continue;
    out[key] = ["properties", "patternProperties"].includes(key)
      ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, convert(schema)]))
      : convert(value);
  }
  if (node["x-kubernetes-int-or-string"] && !out.anyOf) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (node.type === "object" && node.properties && node.additionalProperties === undefined
      && !node["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  if (node.nullable && typeof out.type === "string") out.type = [out.type, "null"];
  return out;
}
