package io.leadflow.crmsync.config;

import io.leadflow.crmsync.domain.CrmTarget;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where handoffs are written and how a failed write is retried. */
@ConfigMapping(prefix = "leadflow.crm")
public interface CrmConfig {

    /** The CRM adapter that writes handoffs: {@code webhook}, {@code hubspot}, {@code salesforce} or {@code pipedrive}. */
    @WithDefault("webhook")
    CrmTarget target();

    /** The generic webhook adapter. */
    Webhook webhook();

    /** The HubSpot adapter. */
    HubSpot hubspot();

    /** The Salesforce adapter. */
    Salesforce salesforce();

    /** The Pipedrive adapter. */
    Pipedrive pipedrive();

    /** The retries of a CRM write that failed: exponential backoff with jitter, until it succeeds or the budget is spent. */
    Retry retry();

    /** How handoffs are taken from Kafka: a poll at a time, written in chunks of the CRM's batch size. */
    Handoffs handoffs();

    interface Handoffs {

        /**
         * The largest handoff record taken, in bytes of its JSON value; a larger one is dead-lettered. A
         * handoff is a few KB (capture takes events of at most 32 KB), so a larger one is a fault upstream,
         * and one oversize input must not make every call of its chunk fail.
         */
        @WithDefault("65536")
        int maxRecordBytes();
    }

    interface Webhook {

        /** The URL that receives each handoff as a signed JSON POST (env LEADFLOW_CRM_WEBHOOK_URL); required with target webhook. */
        Optional<URI> url();

        /**
         * The Standard Webhooks signing secrets ({@code whsec_} and the base64 of 24 to 64 random bytes),
         * comma-separated (env LEADFLOW_CRM_WEBHOOK_SECRETS); every request carries one signature per
         * secret, so the receiver can rotate its secret without downtime.
         */
        Optional<List<String>> secrets();

        /** How long to wait for the receiver to connect and to answer before the attempt counts as failed. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface HubSpot {

        /** HubSpot's API root; a test points it at a stand-in. */
        @WithDefault("https://api.hubapi.com")
        URI baseUrl();

        /** The private app's access token, sent as a bearer token (env LEADFLOW_CRM_HUBSPOT_ACCESS_TOKEN); required with target hubspot. */
        Optional<String> accessToken();

        /** Contacts per batch upsert call, 1 to 100 (HubSpot's documented maximum). */
        @WithDefault("100")
        int batchSize();

        /** Requests we send per {@code burst-window}, below HubSpot's burst limit (100 per 10 s for private apps on most tiers). */
        @WithDefault("90")
        int burstLimit();

        /** The rolling window of {@code burst-limit}. */
        @WithDefault("10s")
        Duration burstWindow();

        /** Leadflow rep id to HubSpot owner id ({@code hubspot_owner_id}); a rep not listed leaves the owner unset. */
        Map<String, String> owners();

        /** A custom contact property that receives the Leadflow score, if the portal has one. */
        Optional<String> scoreProperty();

        /** The app's client secret, which signs HubSpot's webhook calls (v3); without it {@code /v1/inbound/hubspot} answers 503. */
        Optional<String> clientSecret();

        /** The public URL HubSpot calls for webhooks, as it signs it; defaults to the URL the service sees. */
        Optional<URI> inboundUrl();

        /** How long to wait for HubSpot to connect and to answer before the attempt counts as failed. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Salesforce {

        /** Where OAuth tokens are refreshed: {@code <login-url>/services/oauth2/token}. */
        @WithDefault("https://login.salesforce.com")
        URI loginUrl();

        /** The org's instance URL to start with; each token refresh answers the current one ({@code instance_url}). */
        Optional<URI> instanceUrl();

        /** An access token to start with; without one, the first call refreshes first. */
        Optional<String> accessToken();

        /** The connected app's consumer key (env LEADFLOW_CRM_SALESFORCE_CLIENT_ID); required with target salesforce. */
        Optional<String> clientId();

        /** The connected app's consumer secret (env LEADFLOW_CRM_SALESFORCE_CLIENT_SECRET). */
        Optional<String> clientSecret();

        /** The refresh token the connected app was granted (env LEADFLOW_CRM_SALESFORCE_REFRESH_TOKEN); required with target salesforce. */
        Optional<String> refreshToken();

        /** The REST API version, as in {@code /services/data/v62.0}. */
        @WithDefault("v62.0")
        String apiVersion();

        /** The Lead's external id field that identifies a Leadflow lead (holds the lead id); upserts are keyed by it. */
        @WithDefault("Leadflow_Lead_Id__c")
        String externalIdField();

        /** The Lead {@code Status} a handed-off lead gets (a value of the org's Lead Status picklist). */
        @WithDefault("Open - Not Contacted")
        String leadStatus();

        /** Leadflow rep id to Salesforce user id ({@code OwnerId}); a rep not listed leaves the owner to the org's rules. */
        Map<String, String> owners();

        /** Leads per sObject Collections call, 1 to 200 (Salesforce's documented maximum). */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for Salesforce to connect and to answer before the attempt counts as failed. */
        @WithDefault("10s")
        Duration timeout();

        /** The poll of changed Leads that turns sales' work in Salesforce into sales feedback. */
        Poll poll();
    }

    interface Poll {

        /** Whether to poll (only ever with target salesforce). */
        @WithDefault("true")
        boolean enabled();

        /** How often to poll; set as {@code leadflow.crm.salesforce.poll.every} in application.properties, which the scheduler reads. */
        Duration every();

        /** How far back the very first poll reads; later polls continue from the stored watermark. */
        @WithDefault("24h")
        Duration initialLookback();

        /**
         * Lead Status values that are sales' verdict, as {@code <Status>=<action>[:<reason code>]} (actions:
         * accepted, qualified, rejected, recycled; reject and recycle need a reason); other statuses say nothing.
         */
        @WithDefault("Working - Contacted=accepted,Closed - Converted=qualified,Closed - Not Converted=rejected:not-converted")
        List<String> statusFeedback();
    }

    interface Pipedrive {

        /** Pipedrive's API root ({@code https://<company>.pipedrive.com} works too); a test points it at a stand-in. */
        @WithDefault("https://api.pipedrive.com")
        URI baseUrl();

        /** The API token, sent as the {@code x-api-token} header (env LEADFLOW_CRM_PIPEDRIVE_API_TOKEN); required with target pipedrive. */
        Optional<String> apiToken();

        /** Leadflow rep id to Pipedrive user id ({@code owner_id} of the person and the lead); a rep not listed leaves the token's user as owner. */
        Map<String, Long> owners();

        /** How long to wait for Pipedrive to connect and to answer before the attempt counts as failed. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Retry {

        /** The wait after the first failed attempt; it doubles after each further failure. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** The longest wait between two attempts at the same handoff. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * The attempts a handoff gets before it is marked FAILED and sent to leadflow.crm-sync.v1.dlq
         * for an operator; 0 (the default) retries for as long as it takes, holding the partition.
         */
        @WithDefault("0")
        int maxAttempts();
    }
}
