package io.leadflow.crmsync.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.crm.CrmHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Leads Leadflow wrote (external id field set) that changed since a point in time, read with a
 * SOQL query ({@code GET /services/data/vXX.X/query?q=...}) ordered by {@code LastModifiedDate},
 * page by page: a page that is not the last names the next one in {@code nextRecordsUrl}.
 */
@ApplicationScoped
public class SalesforceChangedLeads {

    /** SOQL's dateTime literal: unquoted ISO 8601 in UTC. */
    private static final DateTimeFormatter SOQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** How the REST API writes a dateTime field, e.g. {@code 2026-11-23T08:00:00.000+0000}. */
    private static final DateTimeFormatter API_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

    /** A changed Lead: its id, status, owner, when it changed, and the Leadflow lead id it holds. */
    public record ChangedLead(String id, String status, String ownerId, Instant lastModified, String leadflowLeadId) {
    }

    /** One page of the answer; {@code nextRecordsUrl} is null on the last. */
    public record Page(List<ChangedLead> leads, String nextRecordsUrl) {
    }

    private final SalesforceApi api;
    private final CrmConfig.Salesforce config;
    private final ObjectMapper json;
    private final Clock clock;

    public SalesforceChangedLeads(SalesforceApi api, CrmConfig config, ObjectMapper json, Clock clock) {
        this.api = api;
        this.config = config.salesforce();
        this.json = json;
        this.clock = clock;
    }

    /**
     * The first page of Leads changed at or after {@code watermark}: "at" too, because several Leads can
     * share a modification time and a page may end among them (the caller drops repeats).
     */
    public Uni<Page> since(Instant watermark) {
        String field = config.externalIdField();
        String soql = "SELECT Id, Status, OwnerId, LastModifiedDate, " + field + " FROM Lead WHERE " + field + " != null"
                + " AND LastModifiedDate >= " + SOQL_DATETIME.format(watermark) + " ORDER BY LastModifiedDate, Id";
        return page(api.dataPath() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The page a previous page named in its {@code nextRecordsUrl}. */
    public Uni<Page> next(String nextRecordsUrl) {
        return page(nextRecordsUrl);
    }

    private Uni<Page> page(String path) {
        return api.send(HttpMethod.GET, path, null).map(this::page);
    }

    private Page page(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw CrmHttp.failure("salesforce query", response, clock.instant());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
        } catch (IOException notJson) {
            throw new CrmCallException("salesforce query answered a body that is not JSON");
        }
        List<ChangedLead> leads = new ArrayList<>();
        for (JsonNode record : answer.path("records")) {
            leads.add(new ChangedLead(record.path("Id").asText(), record.path("Status").asText(null), record.path("OwnerId").asText(null),
                    instant(record.path("LastModifiedDate").asText(null)), record.path(config.externalIdField()).asText(null)));
        }
        boolean done = answer.path("done").asBoolean(true);
        return new Page(leads, done ? null : answer.path("nextRecordsUrl").asText(null));
    }

    private static Instant instant(String value) {
        if (value == null) {
            throw new CrmCallException("salesforce query answered a Lead without LastModifiedDate");
        }
        try {
            return OffsetDateTime.parse(value, API_DATETIME).toInstant();
        } catch (DateTimeParseException notTheApiFormat) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }
}
