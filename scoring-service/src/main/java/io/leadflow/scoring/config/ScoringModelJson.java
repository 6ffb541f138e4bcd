package io.leadflow.scoring.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.scoring.domain.model.ModelProblem;
import io.leadflow.scoring.domain.model.ScoringModel;
import io.leadflow.scoring.domain.model.ScoringModelValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads scoring model documents (JSON) into the domain's records and validates them. Strict: an
 * unknown field, a wrong type or an invalid value is a problem naming the field.
 */
public final class ScoringModelJson {

    /** The default model shipped with the service, used until a version is published. */
    public static final String DEFAULT_MODEL = "scoring/default-model.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ScoringModelJson() {
    }

    /**
     * A document read and validated.
     *
     * @param model the model, or null when there are problems
     * @param problems what is wrong with it, each naming its field
     */
    public record Parsed(ScoringModel model, List<ModelProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(JsonNode document) {
        try {
            ScoringModel model = JSON.treeToValue(document, ScoringModel.class);
            List<ModelProblem> problems = ScoringModelValidator.validate(model);
            return new Parsed(problems.isEmpty() ? model : null, problems);
        } catch (JsonMappingException e) {
            return new Parsed(null, List.of(new ModelProblem(pathOf(e), e.getOriginalMessage())));
        } catch (JacksonException e) {
            return new Parsed(null, List.of(new ModelProblem("", e.getOriginalMessage())));
        }
    }

    public static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The default model's document, from the classpath. */
    public static JsonNode defaultDocument() {
        try (InputStream in = ScoringModelJson.class.getClassLoader().getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_MODEL + " is missing from the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // engagementRules[2].cap.max, as the validator names fields
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
