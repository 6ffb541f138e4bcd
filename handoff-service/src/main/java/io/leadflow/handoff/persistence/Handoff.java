package io.leadflow.handoff.persistence;

import io.leadflow.events.HandoffCreated;
import io.leadflow.events.SalesAction;
import io.leadflow.handoff.domain.HandoffStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A lead handed to a sales rep: who got it, by which rule, and by when they must accept it. */
@Entity
@Table(name = "handoff")
public class Handoff extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "lead_id", nullable = false)
    private UUID leadId;

    @Column(name = "lead_key", nullable = false)
    private String leadKey;

    private String email;

    @Column(nullable = false)
    private int score;

    @Column(nullable = false)
    private String assignee;

    @Column(name = "rule_matched", nullable = false)
    private String ruleMatched;

    /** The queue the lead was dealt from; null when a rule named the rep. */
    private String queue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HandoffStatus status;

    @Column(name = "sla_due_at", nullable = false)
    private Instant slaDueAt;

    @Column(name = "qualifying_event_id", nullable = false, unique = true)
    private String qualifyingEventId;

    /**
     * The contributions as the event carried them, as JSON. The casts keep jsonb away from the
     * reactive driver, which would bind a String to a jsonb parameter as one JSON string.
     */
    @Column(name = "top_contributions", nullable = false)
    @ColumnTransformer(read = "top_contributions::text", write = "cast(? as text)::jsonb")
    private String topContributions;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the assignee is reminded that the SLA is about to lapse. */
    @Column(name = "sla_remind_at", nullable = false)
    private Instant slaRemindAt;

    @Column(name = "sla_reminded_at")
    private Instant slaRemindedAt;

    /** Set when a breach found nobody to escalate to: the timer is done with the handoff. */
    @Column(name = "sla_breached_at")
    private Instant slaBreachedAt;

    @Column(nullable = false)
    private int escalations;

    /** Why sales rejected or recycled the lead. */
    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    /** Where the lead came from ({@link io.leadflow.handoff.domain.LeadSource}); null when its traits say nothing. */
    private String source;

    /** When the rep accepted the lead; kept when a later action changes the status, for the accept rate. */
    @Column(name = "accepted_at")
    private Instant acceptedAt;

    /** When sales first acted on the handoff: with {@link #createdAt}, the time to first action. */
    @Column(name = "first_action_at")
    private Instant firstActionAt;

    /** The account (its domain, or crm:<id>) of an account's handoff; null for a lead's. */
    private String account;

    protected Handoff() {
    }

    /**
     * The stored form of an account's handoff: it stands for the account, under a lead id and key of its own, without
     * an email or contributions (the account's leads are scoring's to show).
     */
    public static Handoff offeredToAccount(String account, UUID handoffId, int score, String assignee, String ruleMatched, String queue,
            Instant slaDueAt, Instant remindAt, String qualifyingEventId, Instant now) {
        Handoff handoff = new Handoff();
        handoff.id = handoffId;
        handoff.account = account;
        handoff.leadId = accountLeadId(account);
        handoff.leadKey = accountLeadKey(account);
        handoff.score = score;
        handoff.assignee = assignee;
        handoff.ruleMatched = ruleMatched;
        handoff.queue = queue;
        handoff.status = HandoffStatus.OFFERED;
        handoff.slaDueAt = slaDueAt;
        handoff.slaRemindAt = remindAt;
        handoff.qualifyingEventId = qualifyingEventId;
        handoff.topContributions = "[]";
        handoff.createdAt = now;
        return handoff;
    }

    /** The key an account's handoffs are stored under, apart from every lead key (which never starts so). */
    public static String accountLeadKey(String account) {
        return "account:" + account;
    }

    private static UUID accountLeadId(String account) {
        return UUID.nameUUIDFromBytes(accountLeadKey(account).getBytes(StandardCharsets.UTF_8));
    }

    /** The stored form of a handoff just offered, as announced by {@code created}. */
    public static Handoff offered(HandoffCreated created, String queue, String source, String topContributions, Instant remindAt) {
        Handoff handoff = new Handoff();
        handoff.id = UUID.fromString(created.handoffId());
        handoff.leadId = UUID.fromString(created.leadId());
        handoff.leadKey = created.leadKey();
        handoff.email = created.email();
        handoff.score = created.score();
        handoff.assignee = created.assignee();
        handoff.ruleMatched = created.ruleMatched();
        handoff.queue = queue;
        handoff.source = source;
        handoff.status = HandoffStatus.OFFERED;
        handoff.slaDueAt = created.slaDueAt();
        handoff.slaRemindAt = remindAt;
        handoff.qualifyingEventId = created.qualifyingEventId();
        handoff.topContributions = topContributions;
        handoff.createdAt = created.createdAt();
        return handoff;
    }

    /**
     * Applies a sales action.
     *
     * @throws io.leadflow.handoff.domain.IllegalTransitionException when the status does not allow it
     */
    public void apply(SalesAction action, String reason, Instant at) {
        status = status.after(action);
        reasonCode = reason;
        statusChangedAt = at;
        if (action == SalesAction.ACCEPTED) {
            acceptedAt = at;
        }
        if (firstActionAt == null) {
            firstActionAt = at;
        }
    }

    /** Hands the lead to {@code newAssignee} after a breach, with a new SLA. */
    public void escalateTo(String newAssignee, Instant dueAt, Instant remindAt) {
        assignee = newAssignee;
        slaDueAt = dueAt;
        slaRemindAt = remindAt;
        slaRemindedAt = null;
        escalations++;
    }

    /** A breach with nobody to escalate to: the timer stops watching the handoff. */
    public void breachedWithoutEscalation(Instant at) {
        slaBreachedAt = at;
    }

    public void reminded(Instant at) {
        slaRemindedAt = at;
    }

    public Instant slaRemindAt() {
        return slaRemindAt;
    }

    public Instant slaRemindedAt() {
        return slaRemindedAt;
    }

    public int escalations() {
        return escalations;
    }

    public UUID id() {
        return id;
    }

    /** The account of an account's handoff; null for a lead's. */
    public String account() {
        return account;
    }

    public UUID leadId() {
        return leadId;
    }

    public String email() {
        return email;
    }

    public int score() {
        return score;
    }

    public String assignee() {
        return assignee;
    }

    public String ruleMatched() {
        return ruleMatched;
    }

    public String queue() {
        return queue;
    }

    public HandoffStatus status() {
        return status;
    }

    public Instant slaDueAt() {
        return slaDueAt;
    }

    public String topContributions() {
        return topContributions;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String leadKey() {
        return leadKey;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public Instant firstActionAt() {
        return firstActionAt;
    }
}
