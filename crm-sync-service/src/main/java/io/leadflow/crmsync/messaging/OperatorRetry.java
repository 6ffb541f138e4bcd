package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.SyncStatus;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.crmsync.persistence.SyncRecord;
import io.leadflow.txmessaging.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * An operator's retry of one FAILED handoff (its retry budget spent): one attempt with the lead as
 * it was recorded. Taken, it is recorded exactly as a consumed handoff would be (ledger SYNCED and
 * {@code crm.synced.v1} in one transaction); refused, it stays FAILED with the new error.
 */
@ApplicationScoped
public class OperatorRetry {

    private static final Logger LOG = Logger.getLogger(OperatorRetry.class);

    private final SyncLedger ledger;
    private final CrmAdapter crm;
    private final SyncRecorder recorder;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;

    public OperatorRetry(SyncLedger ledger, CrmAdapter crm, SyncRecorder recorder, OutboxRelay relay, ObjectMapper json, Clock clock) {
        this.ledger = ledger;
        this.crm = crm;
        this.recorder = recorder;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    /** The handoff's ledger entry after the attempt; fails with {@link Refused} when the handoff cannot be retried or the CRM refused it again. */
    public Uni<SyncRecord> retry(String handoffId) {
        return ledger.find(handoffId).flatMap(record -> {
            if (record == null) {
                return Uni.createFrom().failure(new Refused(Refused.Why.UNKNOWN, "no handoff " + handoffId + " in the ledger"));
            }
            if (record.status() != SyncStatus.FAILED || record.request() == null) {
                return Uni.createFrom().failure(new Refused(Refused.Why.NOT_FAILED,
                        "handoff " + handoffId + " is " + record.status() + "; only FAILED handoffs are retried by hand"));
            }
            LeadUpsert lead = lead(record);
            LOG.infof("operator retry of handoff %s to %s", handoffId, crm.target().wireName());
            return crm.upsert(lead)
                    .flatMap(receipt -> Panache.withTransaction(() -> recorder.recordSync(lead, receipt)).invoke(relay::kick))
                    .onFailure(CrmCallException.class).recoverWithUni(failure -> ledger
                            .recordRetryFailed(lead, crm.target(), failure.getMessage(), clock.instant())
                            .flatMap(recorded -> Uni.createFrom().failure(new Refused(Refused.Why.CRM_REFUSED, failure.getMessage()))))
                    .flatMap(synced -> ledger.find(handoffId));
        });
    }

    private LeadUpsert lead(SyncRecord record) {
        try {
            return json.readValue(record.request(), LeadUpsert.class);
        } catch (IOException e) {
            throw new IllegalStateException("the recorded request of handoff " + record.handoffId() + " is not a lead upsert", e);
        }
    }

    /** Why an operator's retry did not sync the handoff. */
    public static class Refused extends RuntimeException {

        /** The three ways a retry can be refused. */
        public enum Why { UNKNOWN, NOT_FAILED, CRM_REFUSED }

        private final Why why;

        public Refused(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }
}
