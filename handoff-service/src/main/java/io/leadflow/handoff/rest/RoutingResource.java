package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.FieldProblem;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.domain.RoutingValidator;
import io.leadflow.handoff.persistence.RoutingDocumentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The routing document: rules, queues and reps. Each PUT stores a new version; bad input changes nothing. */
@Path("/v1/routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final RoutingDocumentRepository documents;
    private final StrictJson json;

    public RoutingResource(RoutingDocumentRepository documents, StrictJson json) {
        this.documents = documents;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @WithSession
    @Operation(summary = "The routing document in force (version 0 is the built-in default)")
    public Uni<RoutingDocument> current() {
        return documents.current();
    }

    @PUT
    @RolesAllowed({Roles.SALES_MANAGER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Validates and stores a routing document as the next version; its version field is ignored")
    public Uni<RoutingDocument> replace(String body) {
        RoutingDocument document = json.read(body, RoutingDocument.class, "a routing document");
        List<FieldProblem> problems = RoutingValidator.problems(document);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return documents.storeNext(document);
    }
}
