package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Every lead in id order, a page at a time, with the size of its stored history: what a what-if preview and a
 * model replay read in pages (see {@link io.leadflow.scoring.domain.HistoryPageBounds}), never every lead at once.
 * In the caller's session.
 */
@ApplicationScoped
public class LeadHistoryPages {

    /**
     * A lead and how many events its stored history holds.
     *
     * @param id the lead's id
     * @param events the events of its history
     */
    public record LeadSize(UUID id, long events) {
    }

    /** How many leads there are now. */
    public Uni<Long> countLeads() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("select count(*) from Lead", Long.class).getSingleResult());
    }

    /**
     * The first {@code leads} leads whose id comes after {@code after}, in id order, each with the size of its
     * history: the count reads only the history's index (lead_event_lead_idx), not its rows.
     */
    public Uni<List<LeadSize>> sizesAfter(UUID after, int leads) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select l.id, (select count(*) from lead_event e where e.lead_id = l.id) from lead l where l.id > ?1 order by l.id limit ?2",
                        Object[].class)
                .setParameter(1, after)
                .setParameter(2, leads)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new LeadSize((UUID) row[0], ((Number) row[1]).longValue())).toList());
    }
}
