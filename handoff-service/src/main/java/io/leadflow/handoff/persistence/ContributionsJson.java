package io.leadflow.handoff.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.Contribution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Converts top contributions to and from the {@code jsonb} column, with the application's
 * ObjectMapper so that they are written exactly as on the wire.
 */
@ApplicationScoped
public class ContributionsJson {

    private static final TypeReference<List<Contribution>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ContributionsJson(ObjectMapper json) {
        this.json = json;
    }

    public String toColumn(List<Contribution> contributions) {
        try {
            return json.writeValueAsString(contributions);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize contributions", e);
        }
    }

    public List<Contribution> fromColumn(String column) {
        try {
            return json.readValue(column, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contributions do not read back", e);
        }
    }
}
