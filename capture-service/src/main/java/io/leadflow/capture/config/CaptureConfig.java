package io.leadflow.capture.config;

import io.leadflow.capture.domain.KeyKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Business settings of capture-service, under {@code leadflow.capture}. */
@ConfigMapping(prefix = "leadflow.capture")
public interface CaptureConfig {

    /** How long a request waits for the broker to acknowledge its events before it is answered 503. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** The Retry-After a client is given when the broker did not acknowledge in time. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * Write keys of the configuration, by name; they change with it only. The development keys are in
     * the dev and test profiles only: production refuses them (see {@link ProductionSecretsCheck}).
     */
    Map<String, WriteKeyEntry> writeKeys();

    /**
     * A directory of write keys, one file per key (its name the key's name, its content the key's
     * definition: {@code kind}, {@code sha256}, {@code allowed-origins}), such as a mounted Kubernetes
     * Secret: re-read every {@code write-keys-reload}, so a removed file is refused without a restart.
     */
    Optional<Path> writeKeysDir();

    /**
     * The JSON file keeping the keys made through the management API (their SHA-256, never the
     * keys). Unset, keys can only be configured: the management API lists them but makes none.
     */
    Optional<Path> writeKeysFile();

    /** How often the keys file is checked for changes other instances sharing it made. */
    @WithDefault("5s")
    Duration writeKeysReload();

    /** How long browsers may cache a CORS preflight answer. */
    @WithDefault("24h")
    Duration corsMaxAge();

    /** How many requests clients may send. */
    RateLimits rateLimits();

    /** Token-bucket limits: a rate, and a burst a client may send at once above it. */
    interface RateLimits {

        /** Requests a second one write key may send, on average (unless the key sets its own). */
        @WithDefault("10000")
        double perKey();

        /** Requests one write key may send at once above its rate. */
        @WithDefault("20000")
        int perKeyBurst();

        /** Requests a second one IP address may send with a public key or as a form post, on average. */
        @WithDefault("20")
        double perIp();

        /** Requests one IP address may send at once above its rate. */
        @WithDefault("40")
        int perIpBurst();
    }

    /** One write key: its hash, never the key. */
    interface WriteKeyEntry {

        /** The lowercase hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum}). */
        String sha256();

        /** {@code public} (web pages: bound to origins, engagement only) or {@code secret} (servers: may also identify). */
        KeyKind kind();

        /** The origins ({@code https://www.example.com}, {@code http://localhost:*}) a public key may be used from. */
        Optional<List<String>> allowedOrigins();

        /** This key's own requests a second, instead of {@code rate-limits.per-key}. */
        Optional<Double> ratePerSecond();

        /** This key's own burst, instead of {@code rate-limits.per-key-burst}. */
        Optional<Integer> rateBurst();
    }

    /**
     * The secrets signing email open-pixel and click-redirect tokens (HMAC-SHA256), newest first:
     * the first signs, all verify, so a secret can be rotated without breaking mails already sent.
     * Each takes 32 bytes or more. None is set outside the dev and test profiles: a deployment sets its own,
     * or the service does not start.
     */
    Optional<List<String>> linkSigningSecrets();

    /**
     * The source connectors of each workspace, by the name of its write key: the vendors whose webhooks
     * post to {@code /v1/connectors/<vendor>/<name>}, each with the secrets that prove the vendor sent them.
     */
    Map<String, Connectors> connectors();

    /** One workspace's connectors; a vendor left out is not connected (its webhook URL answers 404). */
    interface Connectors {

        /** Mailchimp audience webhooks. */
        Optional<Mailchimp> mailchimp();

        /** Mandrill (Mailchimp Transactional) message-event webhooks. */
        Optional<Mandrill> mandrill();

        /** Facebook Lead Ads (a Page webhook of a Facebook app). */
        Optional<Facebook> facebook();

        /** LinkedIn Lead Gen Forms (Lead Sync webhooks of a LinkedIn app). */
        Optional<LinkedIn> linkedin();
    }

    /** Mailchimp signs nothing: the secret path segment of the webhook URL is the proof. */
    interface Mailchimp {

        /** The lowercase hex SHA-256 of the secret in the webhook URL ({@code printf %s "$SECRET" | sha256sum}). */
        String urlSecretSha256();
    }

    /** Mandrill signs each post with the webhook's key over the URL it posts to. */
    interface Mandrill {

        /** The webhook's key, shown in Mandrill's webhook settings. */
        String webhookKey();

        /** The webhook URL exactly as registered in Mandrill (it is signed: a proxy may change what this service sees). */
        String webhookUrl();
    }

    /** A Facebook app's Page webhook, subscribed to the {@code leadgen} field. */
    interface Facebook {

        /** The verify token entered in the app's webhook settings. */
        String verifyToken();

        /** The app secret, which signs every notification ({@code X-Hub-Signature-256}). */
        String appSecret();

        /** A Page access token with {@code leads_retrieval}, to fetch each lead from the Graph API. */
        String accessToken();

        /** The Graph API base URL, with its version. */
        @WithDefault("https://graph.facebook.com/v21.0")
        String graphUrl();
    }

    /** A LinkedIn app's Lead Sync webhook (a lead notification subscription). */
    interface LinkedIn {

        /** The app's client secret, which answers the endpoint validation and signs every notification. */
        String clientSecret();

        /** An access token with {@code r_marketing_leadgen_automation}, to fetch each lead. */
        String accessToken();

        /** The LinkedIn REST API base URL. */
        @WithDefault("https://api.linkedin.com/rest")
        String apiUrl();

        /** The {@code LinkedIn-Version} (YYYYMM) the API is called with. */
        @WithDefault("202509")
        String apiVersion();
    }

    /** The HTML forms that may be posted to {@code /v1/forms/<formId>}, by form id. */
    Map<String, Form> forms();

    /**
     * Event names (a Segment {@code track} name, a native custom event's name) that are a built-in engagement type,
     * beyond the built-in names: {@code leadflow.capture.event-names.signed-up=trial.started} makes {@code Signed Up}
     * a trial (names compare ignoring case, {@code -}, {@code _} and {@code .} read as spaces). Any other unknown name
     * is captured as a custom engagement under its name. An entry naming no built-in type stops the start.
     */
    Map<String, String> eventNames();

    /** One HTML form. */
    interface Form {

        /** The engagement type a post records ({@code demo.requested}, {@code form.submitted}, ...). */
        @WithDefault("form.submitted")
        String eventType();

        /** Where the browser is redirected (303) once the post was captured. */
        String thankYouUrl();

        /** The form field holding the lead's email. */
        @WithDefault("email")
        String emailField();

        /** The (usually hidden) form field holding the visitor's anonymous id. */
        @WithDefault("anonymous_id")
        String anonymousIdField();

        /** Form fields copied into the lead's traits, as {@code field=trait}, or {@code field} when the names match. */
        @WithDefault("first_name=firstName,last_name=lastName,company,job_title=jobTitle,country,company_size=companySize,industry")
        List<String> traits();

        /** The origins the form may be posted from; any when unset (forms carry no key: browsers post them). */
        Optional<List<String>> allowedOrigins();

        /**
         * A field the page hides from people (CSS, {@code tabindex="-1"}, {@code autocomplete="off"}): a post
         * that fills it in is a bot's, answered as if captured but not captured. None when unset.
         */
        Optional<String> honeypotField();
    }
}
