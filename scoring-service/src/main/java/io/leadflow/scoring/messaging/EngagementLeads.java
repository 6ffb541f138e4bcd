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
 * Finds the lead each engagement of a batch counts for, locked until the transaction ends, in a few queries
 * whatever the batch's size. The key is derived here, not taken from the record: one normalized email is one lead
 * whoever sent it; an identified visitor's events count for the known lead; a lead is created on first sight,
 * unless its key was erased after the engagement happened.
 */
@ApplicationScoped
class EngagementLeads {

    private final LeadRepository leads;
    private final LeadAliasRepository aliases;
    private final ErasedKeyRepository erasure;

    EngagementLeads(LeadRepository leads, LeadAliasRepository aliases, ErasedKeyRepository erasure) {
        this.leads = leads;
        this.aliases = aliases;
        this.erasure = erasure;
    }

    /**
     * @param byLead each lead's engagements in arrival order (engagements of an erased lead are in none)
     * @param created the leads these engagements create, not yet persisted
     */
    record Found(Map<Lead, List<Engagement>> byLead, Set<Lead> created) {
    }

    private record Keyed(Engagement engagement, String key, String email, String anonymousId) {
    }

    Uni<Found> find(List<Captured> batch, LeadScorer scorer, Instant now) {
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
                    Set<String> keys = new LinkedHashSet<>();
                    keyed.stream().filter(event -> event.anonymousId() == null || !identified.containsKey(event.anonymousId()))
                            .forEach(event -> keys.add(event.key()));
                    return leads.lockAll(keys, Set.copyOf(identified.values()))
                            .flatMap(found -> group(keyed, identified, found, scorer, now));
                });
    }

    private Uni<Found> group(List<Keyed> keyed, Map<String, UUID> identified, List<Lead> found, LeadScorer scorer, Instant now) {
        Map<String, Lead> byKey = new HashMap<>();
        Map<UUID, Lead> byId = new HashMap<>();
        found.forEach(lead -> {
            byKey.put(lead.leadKey(), lead);
            byId.put(lead.id(), lead);
        });
        Map<Lead, List<Engagement>> byLead = new LinkedHashMap<>();
        Map<String, List<Keyed>> unknown = new LinkedHashMap<>();
        for (Keyed event : keyed) {
            UUID aliased = event.anonymousId() == null ? null : identified.get(event.anonymousId());
            Lead lead = aliased != null ? byId.get(aliased) : byKey.get(event.key());
            if (lead != null) {
                byLead.computeIfAbsent(lead, first -> new ArrayList<>()).add(event.engagement());
            } else if (aliased == null) {
                unknown.computeIfAbsent(event.key(), first -> new ArrayList<>()).add(event);
            }
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
                    }
                    if (lead != null) {
                        byLead.computeIfAbsent(lead, first -> new ArrayList<>()).add(event.engagement());
                    }
                }
            });
            return new Found(byLead, created);
        });
    }

    private static Keyed keyed(Captured captured) {
        EngagementCaptured data = captured.data();
        Engagement engagement = new Engagement(captured.id(), data.type(), data.occurredAt(), data.properties(), data.traits(), data.bot());
        String email = data.email() == null || data.email().isBlank() ? null : LeadKeys.normalizeEmail(data.email());
        String anonymousId = email == null ? data.anonymousId().trim() : null;
        return new Keyed(engagement, LeadKeys.of(email, data.anonymousId()), email, anonymousId);
    }
}
