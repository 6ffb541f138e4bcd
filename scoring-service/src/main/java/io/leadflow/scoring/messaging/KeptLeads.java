package io.leadflow.scoring.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.leadflow.scoring.persistence.Lead;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leads the engagement consumer keeps in memory between polls, by lead key, each with the partition whose records
 * count for it: the consumer that owns a partition owns its leads, and drops them when the partition is revoked or
 * lost. At most {@code capacity} leads (the least recently counted go first). What is kept is a committed row at its
 * version; a kept lead changed elsewhere meanwhile is found out when it is written back (its version moved) and read
 * again, so keeping one too long costs a read, never a lost change.
 */
final class KeptLeads {

    private record Kept(Lead lead, int partition) {
    }

    private final Cache<String, Kept> leads;
    // anonymous id -> the lead key it was identified as, as far as this instance saw
    private final Cache<String, String> links;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    KeptLeads(long capacity) {
        this.leads = Caffeine.newBuilder().maximumSize(capacity).build();
        this.links = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** True when this instance saw the visitor identified as this lead: an engagement naming both need not say so again. */
    boolean linked(String anonymousId, String leadKey) {
        return leadKey.equals(links.getIfPresent(anonymousId));
    }

    /** The visitor was identified as this lead, in a committed transaction. */
    void link(String anonymousId, String leadKey) {
        links.put(anonymousId, leadKey);
    }

    /** A copy of the kept lead with this key, to change; empty when none is kept. */
    Optional<Lead> copyOf(String leadKey) {
        Kept kept = leads.getIfPresent(leadKey);
        return kept == null ? Optional.empty() : Optional.of(kept.lead().copy());
    }

    /**
     * Keeps these leads as a committed transaction left them, each with its records' partition; not those of a partition
     * revoked while the transaction ran.
     */
    void keep(Map<Lead, Integer> partitionByLead) {
        partitionByLead.forEach((lead, partition) -> {
            if (owned.contains(partition)) {
                leads.put(lead.leadKey(), new Kept(lead.copy(), partition));
            }
        });
    }

    /** This consumer now owns these partitions. */
    void own(Collection<Integer> partitions) {
        owned.addAll(partitions);
    }

    /** Forgets these leads: their rows changed elsewhere, or a transaction that changed them failed. */
    void forget(Collection<String> leadKeys) {
        leads.invalidateAll(leadKeys);
    }

    /** Forgets the leads of partitions this consumer no longer owns. */
    void forgetPartitions(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        leads.asMap().values().removeIf(kept -> partitions.contains(kept.partition()));
    }

    long size() {
        leads.cleanUp();
        return leads.estimatedSize();
    }
}
