package io.leadflow.kafkaops;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused operations call as problem+json. */
public class OpsProblemMapper {

    private static final String PROBLEMS = "https://leadflow.io/problems/";

    @ServerExceptionMapper
    public RestResponse<OpsProblem> refused(OpsRefusal refusal) {
        OpsProblem problem = refusal.field() == null
                ? new OpsProblem(PROBLEMS + slug(refusal.title()), refusal.title(), refusal.status(), refusal.getMessage(), null)
                : new OpsProblem(PROBLEMS + "invalid-input", refusal.title(), refusal.status(),
                        refusal.field() + " " + refusal.getMessage(), List.of(new OpsProblem.FieldError(refusal.field(), refusal.getMessage())));
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(refusal.status()), problem)
                .type(OpsProblem.MEDIA_TYPE)
                .build();
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
