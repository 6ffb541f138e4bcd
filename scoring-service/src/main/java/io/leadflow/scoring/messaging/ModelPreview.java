package io.leadflow.scoring.messaging;

import io.leadflow.scoring.domain.HistoryRescorer;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.WhatIfTally;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What a candidate model would do to every lead, before it is published: each lead's stored history
 * scored afresh under it, exactly as a replay would, compared with how the lead stands. Reads only.
 */
@ApplicationScoped
public class ModelPreview {

    private static final int PAGE = 500;

    private final LeadRepository leads;
    private final LeadHistoryRepository history;

    public ModelPreview(LeadRepository leads, LeadHistoryRepository history) {
        this.leads = leads;
        this.history = history;
    }

    /** @param top how many of the leads that would move most to list */
    public Uni<WhatIfTally.Summary> preview(LeadScorer candidate, int top) {
        WhatIfTally tally = new WhatIfTally(top);
        return Panache.withSession(() -> tallyFrom(new UUID(0, 0), candidate, tally)).map(done -> tally.summary());
    }

    private Uni<Void> tallyFrom(UUID after, LeadScorer candidate, WhatIfTally tally) {
        return leads.pageAfter(after, PAGE).flatMap(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return history.historiesOf(page.stream().map(Lead::id).toList())
                    .invoke(histories -> page.forEach(lead -> tally.add(moveOf(lead, candidate,
                            HistoryRescorer.rescore(candidate, lead.email(), histories.getOrDefault(lead.id(), List.of()))))))
                    // what was read is not kept: the session holds one page at a time
                    .call(read -> Panache.getSession().invoke(session -> session.clear()))
                    .flatMap(read -> page.size() < PAGE ? Uni.createFrom().voidItem() : tallyFrom(page.get(page.size() - 1).id(), candidate, tally));
        });
    }

    private static WhatIfTally.Move moveOf(Lead lead, LeadScorer candidate, HistoryRescorer.Rescored rescored) {
        return new WhatIfTally.Move(lead.id().toString(), lead.leadKey(), lead.score(), rescored.score(), lead.stage(),
                candidate.stageAfterRescoring(lead.stage(), rescored, lead.email() != null), lead.grade(), rescored.fit().grade());
    }
}
