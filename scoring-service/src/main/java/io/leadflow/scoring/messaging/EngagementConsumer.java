package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadIdentified;
import io.leadflow.scoring.messaging.EngagementTopicEvent.Captured;
import io.leadflow.scoring.messaging.EngagementTopicEvent.Identified;
import io.leadflow.txmessaging.CauseTraces;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.PoisonRecordException;
import io.leadflow.txmessaging.ProcessOnce;
import io.leadflow.txmessaging.ProcessedEventRetention;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Collection;
import java.util.Optional;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.LeadKeys;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts each engagement and identification once, a polled batch of records per transaction: the
 * event ids (ce_id) are recorded with their effects in one transaction, so a redelivery of the batch,
 * or of part of it, changes nothing; a transient failure retries the whole transaction. A poison
 * record goes to the dead-letter topic on its own, after the rest of its batch was committed.
 */
@ApplicationScoped
public class EngagementConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final EngagementCounting counting;
    private final IdentityMerging merging;
    private final KeptLeads kept;
    private final LeadHistoryRepository history;
    // how long after an engagement a copy of it is still told apart: as long as the channel's processed ids are kept
    private final Duration copiesWithin;
    // each event type the topic carries, read from its record (and partition) before any transaction opens
    private final Map<String, BiFunction<IncomingEvent, Integer, EngagementTopicEvent>> readers;

    public EngagementConsumer(ObjectMapper json, ProcessOnce processOnce, EngagementCounting counting, IdentityMerging merging,
            LeadHistoryRepository history, @Identifier(EngagementPartitions.NAME) EngagementPartitions partitions,
            ProcessedEventRetention.Keep keep) {
        this.history = history;
        this.copiesWithin = keep.of(Channels.ENGAGEMENT);
        this.json = json;
        this.processOnce = processOnce;
        this.counting = counting;
        this.merging = merging;
        this.kept = partitions.kept();
        this.readers = Map.of(
                EngagementCaptured.TYPE, (event, partition) -> {
                    EngagementCaptured engagement = event.dataAs(EngagementCaptured.class, json);
                    RecordLimits.requireLead(event, engagement.email(), engagement.anonymousId());
                    RecordLimits.requireStorable(event, engagement.unstorableText());
                    return new Captured(event.id(), engagement, partition);
                },
                LeadIdentified.TYPE, (event, partition) -> {
                    LeadIdentified identified = event.dataAs(LeadIdentified.class, json);
                    RecordLimits.requireLead(event, identified.email(), null);
                    RecordLimits.requireLead(event, null, identified.anonymousId());
                    RecordLimits.requireStorable(event, identified.unstorableText());
                    return new Identified(event.id(), identified, false);
                });
    }

    @Incoming(Channels.ENGAGEMENT)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        // each lead's score and stage changes continue the trace of its record (the one captured)
        CauseTraces.remember(batch);
        Map<String, EngagementTopicEvent> events = new LinkedHashMap<>();
        Map<KafkaRecord<String, String>, PoisonRecordException> poison = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EngagementTopicEvent event = read(record);
                // an engagement that names both the visitor and the person identifies the visitor first, as identify
                // would, unless this instance already saw that link
                stitching(event).ifPresent(stitch -> events.putIfAbsent(stitch.id(), stitch));
                // a record repeated within the batch counts once, as across batches
                events.putIfAbsent(event.id(), event);
            } catch (PoisonRecordException e) {
                poison.put(record, e);
            }
        }
        // the leads the committed transaction wrote, to keep for the next poll (each attempt starts afresh)
        AtomicReference<Map<Lead, Integer>> written = new AtomicReference<>(Map.of());
        return processOnce.processAll(Channels.ENGAGEMENT, List.copyOf(events.keySet()), ids -> claim(ids, events), fresh -> {
                    written.set(new LinkedHashMap<>());
                    return apply(events.values().stream().filter(event -> fresh.contains(event.id())).toList(), written.get())
                            .onFailure().invoke(failure -> kept.forget(keysOf(events.values())));
                })
                .invoke(done -> {
                    kept.keep(written.get());
                    events.values().stream().filter(Identified.class::isInstance).map(event -> ((Identified) event).data())
                            .forEach(identified -> kept.link(identified.anonymousId().trim(), LeadKeys.normalizeEmail(identified.email())));
                })
                .flatMap(done -> deadLetter(new ArrayList<>(poison.entrySet())))
                .flatMap(done -> Uni.createFrom().completionStage(batch::ack));
    }

    /**
     * The ids of the batch not processed before. An engagement is recorded in its lead's history under its id when it is
     * counted (an insert that fails on a concurrent transaction's row), so the history's key tells which were: the
     * engagement channel writes no processed-id row, one index insert fewer for each event. Identifications, few, are
     * claimed in {@code processed_event}.
     */
    private Uni<Set<String>> claim(List<String> ids, Map<String, EngagementTopicEvent> events) {
        Map<String, Instant> engagements = new LinkedHashMap<>();
        ids.stream().filter(id -> events.get(id) instanceof Captured)
                .forEach(id -> engagements.put(id, ((Captured) events.get(id)).data().occurredAt()));
        List<String> identifications = ids.stream().filter(id -> events.get(id) instanceof Identified).toList();
        return history.recorded(engagements, copiesWithin).flatMap(recorded -> processOnce.claim(Channels.ENGAGEMENT, identifications)
                .map(claimed -> {
                    Set<String> fresh = new HashSet<>(claimed);
                    engagements.keySet().stream().filter(id -> !recorded.contains(id)).forEach(fresh::add);
                    return fresh;
                }));
    }

    private Optional<Identified> stitching(EngagementTopicEvent event) {
        if (!(event instanceof Captured captured)) {
            return Optional.empty();
        }
        EngagementCaptured data = captured.data();
        if (data.email() == null || data.email().isBlank() || data.anonymousId() == null || data.anonymousId().isBlank()) {
            return Optional.empty();
        }
        String email = LeadKeys.normalizeEmail(data.email());
        if (kept.linked(data.anonymousId().trim(), email)) {
            return Optional.empty();
        }
        LeadIdentified identified = new LeadIdentified(email, data.email(), data.anonymousId(), null, data.occurredAt(),
                data.traits() == null ? Map.of() : data.traits());
        return Optional.of(new Identified(DeterministicIds.of(captured.id(), "identified"), identified, true));
    }

    private EngagementTopicEvent read(KafkaRecord<String, String> record) {
        RecordLimits.requireSize(record.getPayload());
        IncomingEvent event = IncomingEvent.read(record, json, List.copyOf(readers.keySet()));
        RecordLimits.requireId(event);
        return readers.get(event.type()).apply(event, record.getPartition());
    }

    /**
     * Runs of engagements are counted together; an identification in between changes who later ones count for. A batch
     * with an identification reads its leads locked and keeps none (a merge changes leads behind the kept copies); one
     * without counts the kept leads as they are and adds the leads it wrote to {@code written}.
     */
    private Uni<Void> apply(List<EngagementTopicEvent> events, Map<Lead, Integer> written) {
        boolean merges = events.stream().anyMatch(Identified.class::isInstance);
        if (!merges) {
            List<Captured> all = events.stream().map(Captured.class::cast).toList();
            return all.isEmpty() ? Uni.createFrom().voidItem() : counting.count(all, kept).invoke(written::putAll).replaceWithVoid();
        }
        kept.forget(keysOf(events));
        Uni<Void> applied = Uni.createFrom().voidItem();
        List<Captured> run = new ArrayList<>();
        for (EngagementTopicEvent event : events) {
            if (event instanceof Captured captured) {
                run.add(captured);
            } else {
                List<Captured> before = List.copyOf(run);
                run.clear();
                Identified identified = (Identified) event;
                applied = applied.flatMap(done -> countLocked(before)).flatMap(done -> identified.stitched()
                        ? merging.stitch(identified.id(), identified.data())
                        : merging.merge(identified.id(), identified.data()));
            }
        }
        List<Captured> last = List.copyOf(run);
        return applied.flatMap(done -> countLocked(last));
    }

    private Uni<Void> countLocked(List<Captured> engagements) {
        return engagements.isEmpty() ? Uni.createFrom().voidItem() : counting.count(engagements, null).replaceWithVoid();
    }

    // the keys an event may have a kept lead under: an engagement's own, an identification's email and anonymous id
    private static List<String> keysOf(Collection<EngagementTopicEvent> events) {
        List<String> keys = new ArrayList<>();
        for (EngagementTopicEvent event : events) {
            if (event instanceof Captured captured) {
                keys.add(EngagementLeads.keyOf(captured));
            } else {
                LeadIdentified identified = ((Identified) event).data();
                keys.add(LeadKeys.of(identified.email(), null));
                keys.add(LeadKeys.of(null, identified.anonymousId().trim()));
            }
        }
        return keys;
    }

    /** Sends each poison record of a batch to its channel's dead-letter topic, one after the other. */
    static Uni<Void> deadLetter(List<Map.Entry<KafkaRecord<String, String>, PoisonRecordException>> poison) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (Map.Entry<KafkaRecord<String, String>, PoisonRecordException> record : poison) {
            sent = sent.flatMap(done -> Uni.createFrom().completionStage(() -> record.getKey().nack(record.getValue())));
        }
        return sent;
    }
}
