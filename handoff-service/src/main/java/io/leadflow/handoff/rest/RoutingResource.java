package io.leadflow.handoff.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.leadflow.handoff.domain.FieldProblem;
import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.domain.RoutingValidator;
import io.leadflow.handoff.persistence.RoutingDocumentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The routing document: rules, queues and reps. Each PUT stores a new version; bad input changes nothing. */
@Path("/v1/routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final RoutingDocumentRepository documents;
    private final ObjectReader strictReader;

    public RoutingResource(RoutingDocumentRepository documents, ObjectMapper json) {
        this.documents = documents;
        this.strictReader = json.readerFor(RoutingDocument.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GET
    @WithSession
    @Operation(summary = "The routing document in force (version 0 is the built-in default)")
    public Uni<RoutingDocument> current() {
        return documents.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Validates and stores a routing document as the next version; its version field is ignored")
    public Uni<RoutingDocument> replace(String body) {
        RoutingDocument document = parse(body);
        List<FieldProblem> problems = RoutingValidator.problems(document);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return documents.storeNext(document);
    }

    private RoutingDocument parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "is required: a routing document");
        }
        try {
            return strictReader.readValue(body);
        } catch (JsonMappingException e) {
            throw new InvalidRequestException(path(e), "is not valid here: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The JSON path of a mapping failure, as {@code rules[0].sla.responseTime}. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "body" : path.substring(path.startsWith(".") ? 1 : 0);
    }
}
