package io.leadflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of each event type, as published in {@code leadflow/schemas/<type>.json}.
 * Services' tests validate what they send against it; consumers may validate what they receive.
 */
public final class EventSchemas {

    private static final String BASE = "https://leadflow.io/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:leadflow/schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /**
     * The problems of {@code data} against the schema of {@code ceType}; empty when it is valid.
     *
     * @throws IllegalArgumentException when no schema exists for the type
     */
    public static List<String> validate(String ceType, JsonNode data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(ceType, EventSchemas::load);
        try {
            return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (NumberFormatException | ArithmeticException unreadable) {
            // a number beyond a double (2e999 reads as Infinity) has no exact value for the validator to compare:
            // refused, not thrown, or a consumer would retry the record for ever (found by ContractFuzzTest)
            return List.of("a number has no exact value: " + unreadable.getMessage());
        }
    }

    private static JsonSchema load(String ceType) {
        if (EventSchemas.class.getResource("/leadflow/schemas/" + ceType + ".json") == null) {
            throw new IllegalArgumentException("no schema for event type " + ceType);
        }
        return FACTORY.getSchema(SchemaLocation.of(BASE + ceType + ".json"), CONFIG);
    }
}
