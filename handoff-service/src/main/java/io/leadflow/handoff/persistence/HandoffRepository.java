package io.leadflow.handoff.persistence;

import io.leadflow.events.LeadKeys;
import io.leadflow.handoff.domain.HandoffStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class HandoffRepository implements PanacheRepositoryBase<Handoff, UUID> {

    /** A lead's handoffs, newest first; the email is matched case-insensitively. */
    @WithSession
    public Uni<List<Handoff>> listByEmail(String email) {
        return list("lower(email) = ?1 order by createdAt desc, id", LeadKeys.normalizeEmail(email));
    }

    /** An account's handoffs, newest first; a domain is matched case-insensitively. */
    @WithSession
    public Uni<List<Handoff>> listByAccount(String account) {
        return list("account = ?1 order by createdAt desc, id", account.startsWith("crm:") ? account : account.toLowerCase(Locale.ROOT));
    }

    /** The rep the lead's latest handoff went to, or null for a lead never handed off; needs a session. */
    public Uni<String> latestAssignee(String leadKey) {
        return find("leadKey = ?1 order by createdAt desc, id", leadKey).firstResult()
                .map(handoff -> handoff == null ? null : handoff.assignee());
    }

    /** How many open handoffs (offered or accepted) each rep holds; reps with none are left out. */
    public Uni<Map<String, Long>> openByAssignee() {
        return getSession().flatMap(session -> session
                .createSelectionQuery("select assignee, count(*) from Handoff where status in ?1 group by assignee", Object[].class)
                .setParameter(1, HandoffStatus.OPEN)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1])));
    }
}
