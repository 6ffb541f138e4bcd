package io.leadflow.scoring.messaging;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadKeys;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.messaging.EngagementTopicEvent.Captured;
import io.leadflow.scoring.persistence.ErasedKeyRepository;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadAliasRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LeadRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the lead each engagement of a batch counts for, in a few queries whatever the batch's size. The key is derived
 * here, not taken from the record: one normalized email is one lead whoever sent it; an identified visitor's events
 * count for the known lead; a lead is created on first sight, unless its key was erased after the engagement happened.
 * A lead this instance keeps in memory ({@link KeptLeads}) is not read at all; the others are read, locked when asked
 * (a lead found changed when it was written back is read again locked, so the second attempt cannot fail the same way).
 */
@ApplicationScoped
class EngagementLeads {

    private final LeadRows rows;
    private final LeadRepository leads;
    private final LeadAliasRepository aliases;
    private final ErasedKeyRepository erasure;

    EngagementLeads(LeadRows rows, LeadRepository leads, LeadAliasRepository aliases, ErasedKeyRepository erasure) {
        this.rows = rows;
        this.leads = leads;
        this.aliases = aliases;
        this.erasure = erasure;
    }

    /**
     * @param byLead each lead's engagements in arrival order (engagements of an erased lead are in none)
     * @param created the leads these engagements create, not yet inserted
     * @param partitions each lead's partition: the one of its first engagement's record
     */
    record Found(Map<Lead, List<Engagement>> byLead, Set<Lead> created, Map<Lead, Integer> partitions) {
    }

    private record Keyed(Engagement engagement, String key, String email, String anonymousId, int partition) {
    }

    /**
     * @param kept the leads kept in memory, or null to read every lead locked
     */
    Uni<Found> find(List<Captured> batch, KeptLeads kept, LeadScorer scorer, Instant now) {
        List<Keyed> keyed = batch.stream().map(EngagementLeads::keyed).toList();
        Set<String> anonymousKeys = new LinkedHashSet<>();
        Set<String> anonymousIds = new LinkedHashSet<>();
        keyed.stream().filter(event -> event.email() == null).forEach(event -> {
            anonymousKeys.add(event.key());
            anonymousIds.add(event.anonymousId());
        });
        // the anonymous keys' locks first, as an identification takes them: neither can miss the other
        return leads.lockKeys(anonymousKeys)
                .flatMap(locked -> aliases.leadsOf(anonymousIds))
                .flatMap(identified -> {
                    Map<UUID, Lead> byId = new LinkedHashMap<>();
                    Set<String> keys = new LinkedHashSet<>();
                    keyed.stream().filter(event -> event.anonymousId() == null || !identified.containsKey(event.anonymousId()))
                            .forEach(event -> {
                                Lead lead = kept == null ? null : kept.copyOf(event.key()).orElse(null);
                                if (lead != null) {
                                    byId.putIfAbsent(lead.id(), lead);
                                } else {
                                    keys.add(event.key());
                                }
                            });
                    // a lead read now replaces the copy kept of it: the row is the newer
                    return rows.read(keys, Set.copyOf(identified.values()), kept == null).flatMap(read -> {
                        read.forEach(lead -> byId.put(lead.id(), lead));
                        return group(keyed, identified, byId, scorer, now);
                    });
                });
    }

    private Uni<Found> group(List<Keyed> keyed, Map<String, UUID> identified, Map<UUID, Lead> byId, LeadScorer scorer, Instant now) {
        Map<String, Lead> byKey = new HashMap<>();
        byId.values().forEach(lead -> byKey.put(lead.leadKey(), lead));
        Map<Lead, List<Engagement>> byLead = new LinkedHashMap<>();
        Map<Lead, Integer> partitions = new HashMap<>();
        Map<String, List<Keyed>> unknown = new LinkedHashMap<>();
        for (Keyed event : keyed) {
            UUID aliased = event.anonymousId() == null ? null : identified.get(event.anonymousId());
            Lead lead = aliased != null ? byId.get(aliased) : byKey.get(event.key());
            if (lead != null) {
                byLead.computeIfAbsent(lead, first -> new ArrayList<>()).add(event.engagement());
                partitions.putIfAbsent(lead, event.partition());
            } else if (aliased == null) {
                unknown.computeIfAbsent(event.key(), first -> new ArrayList<>()).add(event);
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(new Found(byLead, Set.of(), partitions));
        }
        return erasure.erasedAt(unknown.keySet()).map(erasedAt -> {
            Set<Lead> created = new LinkedHashSet<>();
            unknown.forEach((key, events) -> {
                Lead lead = null;
                for (Keyed event : events) {
                    // an engagement that happened before the lead was erased must not bring it back
                    if (lead == null && ErasedKeyRepository.allowsNewLead(erasedAt.get(key), event.engagement().occurredAt())) {
                        lead = new Lead(key, event.email(), scorer.initialStage(event.email() != null), now);
                        created.add(lead);
                        partitions.put(lead, event.partition());
                    }
                    if (lead != null) {
                        byLead.computeIfAbsent(lead, first -> new ArrayList<>()).add(event.engagement());
                    }
                }
            });
            return new Found(byLead, created, partitions);
        });
    }

    private static Keyed keyed(Captured captured) {
        EngagementCaptured data = captured.data();
        Engagement engagement = new Engagement(captured.id(), data.type(), data.occurredAt(), data.properties(), data.traits(), data.bot(),
                data.event());
        String email = data.email() == null || data.email().isBlank() ? null : LeadKeys.normalizeEmail(data.email());
        String anonymousId = email == null ? data.anonymousId().trim() : null;
        return new Keyed(engagement, keyOf(captured), email, anonymousId, captured.partition());
    }

    /** The key of the lead an engagement counts for, unless its visitor was identified. */
    static String keyOf(Captured captured) {
        return LeadKeys.of(captured.data().email(), captured.data().anonymousId());
    }
}
