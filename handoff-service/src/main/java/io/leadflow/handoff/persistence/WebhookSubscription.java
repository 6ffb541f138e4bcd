package io.leadflow.handoff.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A signed webhook subscription. Its filter ({@link io.leadflow.handoff.domain.EventFilter}) and
 * secrets ({@link io.leadflow.handoff.domain.SecretRing}) are JSON columns, read and written
 * through {@link WebhookSubscriptionRepository}.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    @ColumnTransformer(read = "filter::text", write = "cast(? as text)::jsonb")
    private String filter;

    @Column(nullable = false)
    @ColumnTransformer(read = "secrets::text", write = "cast(? as text)::jsonb")
    private String secrets;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(UUID id, String url, String filter, String secrets, Instant now) {
        this.id = id;
        this.url = url;
        this.filter = filter;
        this.secrets = secrets;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String newUrl, String newFilter, Instant now) {
        url = newUrl;
        filter = newFilter;
        updatedAt = now;
    }

    void changeSecrets(String newSecrets, Instant now) {
        secrets = newSecrets;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    String filter() {
        return filter;
    }

    String secrets() {
        return secrets;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
