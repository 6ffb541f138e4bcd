package io.leadflow.crmsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.Contribution;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.TestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/** Handoffs as handoff-service publishes them, each for a new lead unless said otherwise. */
public final class TestHandoffs {

    private TestHandoffs() {
    }

    public static HandoffCreated newLead() {
        String email = "lead-" + UUID.randomUUID() + "@example.com";
        return forLead(UUID.randomUUID().toString(), email, email);
    }

    /**
     * {@code count} handoffs of new leads whose keys spread evenly over the topic's partitions (as the
     * producer's default partitioner places them), so however a poll splits them by partition, each
     * partition's share stays within one batch call.
     */
    public static List<HandoffCreated> newLeadsSpreadOver(int partitions, int count) {
        List<List<HandoffCreated>> byPartition = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            byPartition.add(new ArrayList<>());
        }
        int perPartition = (count + partitions - 1) / partitions;
        List<HandoffCreated> leads = new ArrayList<>();
        while (leads.size() < count) {
            HandoffCreated lead = newLead();
            byte[] key = lead.leadKey().getBytes(StandardCharsets.UTF_8);
            List<HandoffCreated> share = byPartition.get(Utils.toPositive(Utils.murmur2(key)) % partitions);
            if (share.size() < perPartition) {
                share.add(lead);
                leads.add(lead);
            }
        }
        return leads;
    }

    /** Another handoff of the same lead: same id and key, so the same partition. */
    public static HandoffCreated sameLead(HandoffCreated earlier) {
        return forLead(earlier.leadId(), earlier.leadKey(), earlier.email());
    }

    public static HandoffCreated forLead(String leadId, String leadKey, String email) {
        return handoff(leadId, leadKey, email, Map.of("firstName", "Ada", "lastName", "Lovelace", "company", "Analytical Engines",
                "jobTitle", "VP Engineering"), "rep-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A new lead routed to {@code rep}. */
    public static HandoffCreated newLeadAssignedTo(String rep) {
        HandoffCreated lead = newLead();
        return handoff(lead.leadId(), lead.leadKey(), lead.email(), lead.traits(), rep);
    }

    /** A new lead whose profile is {@code traits} (none: an empty map). */
    public static HandoffCreated newLeadWithTraits(Map<String, Object> traits) {
        HandoffCreated lead = newLead();
        return handoff(lead.leadId(), lead.leadKey(), lead.email(), traits, lead.assignee());
    }

    private static HandoffCreated handoff(String leadId, String leadKey, String email, Map<String, Object> traits, String rep) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Contribution> top = List.of(
                new Contribution(UUID.randomUUID().toString(), EngagementType.DEMO_REQUESTED, "demo.requested", 40, now.minusSeconds(60)),
                new Contribution(UUID.randomUUID().toString(), EngagementType.PAGE_VIEWED, "pricing-page", 15, now.minusSeconds(300)));
        return new HandoffCreated(UUID.randomUUID().toString(), leadId, leadKey, email, traits, 75, top, rep, "round-robin",
                now.plus(Duration.ofHours(4)), UUID.randomUUID().toString(), now);
    }

    /** Writes the handoff to its topic as a CloudEvent whose id is the handoff id, after checking it against the contract. */
    public static void publish(HandoffCreated handoff, ObjectMapper json) {
        try {
            String data = json.writeValueAsString(handoff);
            List<String> problems = EventSchemas.validate(HandoffCreated.TYPE, json.readTree(data));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the test handoff breaks its schema: " + problems);
            }
            TestRecords.sendCloudEvent(Topics.HANDOFFS, handoff.leadKey(), handoff.handoffId(), HandoffCreated.TYPE, data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
