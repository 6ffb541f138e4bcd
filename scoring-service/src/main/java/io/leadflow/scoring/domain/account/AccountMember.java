package io.leadflow.scoring.domain.account;

import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One lead's part in its account: its engagement score when it last changed, capped so one busy person cannot make a
 * company look engaged, its fit and its buying-group role.
 *
 * @param points the lead's engagement score at {@code asOf}, between 0 (a negative score takes nothing away from
 *     colleagues) and the model's per-lead cap
 * @param asOf when the lead's score last changed; the points fade from then on
 */
public record AccountMember(UUID leadId, int points, Instant asOf, int fitScore, Grade grade, BuyingRole role) {

    /** The member a lead makes with this score, fit and traits under the model's accounts section. */
    public static AccountMember of(UUID leadId, int score, Instant asOf, int fitScore, Grade grade, Map<String, Object> traits,
            AccountModel model) {
        return new AccountMember(leadId, Math.clamp(score, 0, model.perLeadCap()), asOf, fitScore, grade, BuyingRoles.of(traits));
    }

    /** Whether the lead has engaged at all: only engaged leads cover a role. */
    public boolean engaged() {
        return points > 0;
    }
}
