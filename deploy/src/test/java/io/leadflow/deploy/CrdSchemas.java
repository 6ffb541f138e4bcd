package io.leadflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the custom resources that have no typed Java model (CloudNativePG's and KEDA's), one per
 * API version and kind in {@code crd-schemas/<group>_<version>_<Kind>.json}; their README says where they come from.
 * They refuse unknown fields, as Kubernetes' strict field validation does.
 */
final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    /** Whether a schema exists for the object's apiVersion and kind. */
    static boolean has(JsonNode object) {
        return schemaOf(object).isPresent();
    }

    /** The object's problems against the schema of its apiVersion and kind (field path and reason); empty when valid. */
    static List<String> problems(JsonNode object) {
        JsonSchema schema = schemaOf(object).orElseThrow(
                () -> new IllegalArgumentException("no schema for " + object.path("apiVersion").asText() + " " + object.path("kind").asText()));
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Optional<JsonSchema> schemaOf(JsonNode object) {
        String file = "crd-schemas/" + object.path("apiVersion").asText().replace('/', '_') + "_" + object.path("kind").asText() + ".json";
        return SCHEMAS.computeIfAbsent(file, name -> CrdSchemas.class.getClassLoader().getResource(name) == null
                ? Optional.empty()
                : Optional.of(FACTORY.getSchema(SchemaLocation.of("classpath:" + name))));
    }
}
