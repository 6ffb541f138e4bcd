package io.leadflow.crmsync.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which handoffs of a poll go to the CRM, and in which calls. A handoff the ledger has settled is
 * not sent again; a handoff repeated in the poll is sent once. Writes go in rounds: in each round
 * only the first pending handoff of a lead (by lead id) and of an email is sent, so a lead's later
 * handoff waits until its earlier one is settled (per-lead order), and no call carries one email
 * twice (HubSpot rejects a batch input that names an email twice; Salesforce one that names an
 * external id twice).
 */
public final class SyncPlan {

    private SyncPlan() {
    }

    /** The handoffs still to write, each once, in poll order, without those in {@code settledHandoffIds}. */
    public static List<ConsumedHandoff> toWrite(List<ConsumedHandoff> polled, Set<String> settledHandoffIds) {
        Map<String, ConsumedHandoff> firstOfEach = new LinkedHashMap<>();
        for (ConsumedHandoff handoff : polled) {
            if (!settledHandoffIds.contains(handoff.handoffId())) {
                firstOfEach.putIfAbsent(handoff.handoffId(), handoff);
            }
        }
        return List.copyOf(firstOfEach.values());
    }

    /**
     * The calls of the next round, in order: the first pending handoff of each lead and email, cut
     * into chunks of at most {@code batchSize}. The others wait for a later round.
     */
    public static List<List<ConsumedHandoff>> nextRound(List<ConsumedHandoff> pending, int batchSize) {
        Set<String> taken = new HashSet<>();
        List<ConsumedHandoff> eligible = new ArrayList<>();
        for (ConsumedHandoff handoff : pending) {
            List<String> keys = conflictKeys(handoff.lead());
            // every key is claimed, eligible or not: a handoff behind a waiting one waits too
            boolean free = keys.stream().noneMatch(taken::contains);
            taken.addAll(keys);
            if (free) {
                eligible.add(handoff);
            }
        }
        return Batches.of(eligible, batchSize);
    }

    /** What two writes in one call must not share: the lead, and the email (case-insensitive, as CRMs compare it). */
    private static List<String> conflictKeys(LeadUpsert lead) {
        List<String> keys = new ArrayList<>(2);
        keys.add("lead:" + lead.leadId());
        if (lead.email() != null) {
            keys.add("email:" + lead.email().trim().toLowerCase(Locale.ROOT));
        }
        return keys;
    }
}
