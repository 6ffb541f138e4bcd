package io.leadflow.capture.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.IssuedWriteKey;
import io.leadflow.capture.domain.WriteKeyIssuer;
import io.leadflow.capture.persistence.WriteKeyStore;
import io.leadflow.problems.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The management of write keys: make one (its plaintext is shown once, only its SHA-256 is kept),
 * list them (without secrets), revoke one. Runs on worker threads: it writes the keys file.
 * Callers are bearer JWTs with roles (docs/security.md), checked before a body is read.
 */
@Path("/v1/admin/write-keys")
@Tag(name = "Write key management")
@Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
public class WriteKeysAdminResource {

    private static final Logger LOG = Logger.getLogger(WriteKeysAdminResource.class);
    private static final String NO_VALID_TOKEN =
            "No bearer JWT, or one that is malformed, expired, from another issuer or signed by another key";

    private final WriteKeyStore keys;
    private final WriteKeyIssuer issuer;

    WriteKeysAdminResource(WriteKeyStore keys, WriteKeyIssuer issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Operation(summary = "List the write keys", description = "Role marketing-ops or admin. Neither keys nor their hashes are shown.")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteKeyList.class)))
    @APIResponse(responseCode = "401", description = NO_VALID_TOKEN,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A token with neither role",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list() {
        List<WriteKeyView> views = new ArrayList<>();
        keys.configured().forEach(key -> views.add(WriteKeyView.configured(key)));
        keys.mounted().forEach(key -> views.add(WriteKeyView.mounted(key)));
        keys.managed().forEach(key -> views.add(WriteKeyView.of(key)));
        return Response.ok(new WriteKeyList(views)).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a write key",
            description = "Role admin. The answer holds the key itself, the only time it is shown: the service keeps "
                    + "its SHA-256 alone. The key works as soon as the answer is sent.")
    @APIResponse(responseCode = "201", description = "Made; Location is the key's address, key the key itself",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteKeyView.class)))
    @APIResponse(responseCode = "400", description = "A bad kind, description or origin, each named",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = NO_VALID_TOKEN,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A token without the admin role",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No keys file is configured to keep keys in",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(WriteKeyRequest request, @Context UriInfo uri) {
        if (request == null) {
            return Problems.malformed(new FieldError("body", "must be {\"kind\": ..., \"description\": ..., \"allowedOrigins\": [...]}"));
        }
        List<FieldError> problems = issuer.problems(request.kind(), request.description(), request.allowedOrigins());
        if (!problems.isEmpty()) {
            return Problems.invalidRequest(problems);
        }
        if (!keys.manageable()) {
            return notManageable();
        }
        IssuedWriteKey issued = issuer.issue(request.kind(), request.description(), request.allowedOrigins());
        keys.add(issued.managed());
        LOG.infof("write key %s (%s) made", issued.managed().id(), issued.managed().key().kind().wireName());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.managed().id()).build())
                .type(MediaType.APPLICATION_JSON)
                .entity(WriteKeyView.of(issued.managed()).withKey(issued.plaintext()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke a write key", description = "Role admin. The key is refused from the moment the answer is sent.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = NO_VALID_TOKEN,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A token without the admin role",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No key has this id",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A configured key, or one of the keys directory: the detail says how to remove it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@RestPath String id) {
        if (keys.configured().stream().anyMatch(key -> key.name().equals(id))) {
            return Problems.conflict("write key '" + id + "' is configured (leadflow.capture.write-keys.\"" + id + "\".*): "
                    + "remove its entries from the configuration (or its LEADFLOW_CAPTURE_WRITE_KEYS__... variables) and restart");
        }
        if (keys.mounted().stream().anyMatch(key -> key.name().equals(id))) {
            return Problems.conflict("write key '" + id + "' is defined by the file " + id + " of the keys directory "
                    + keys.mountedFrom().orElseThrow() + " (leadflow.capture.write-keys-dir): delete that file (in Kubernetes, "
                    + "the entry " + id + " of the Secret mounted there); it is refused within leadflow.capture.write-keys-reload, "
                    + "without a restart");
        }
        if (!keys.manageable()) {
            return notManageable();
        }
        if (!keys.revoke(id)) {
            return Problems.notFound("no write key '" + id + "' was made through this API");
        }
        LOG.infof("write key %s revoked", id);
        return Response.noContent().build();
    }

    private static Response notManageable() {
        return Problems.conflict("write keys can be made and revoked only when leadflow.capture.write-keys-file "
                + "names a file to keep them in");
    }
}
