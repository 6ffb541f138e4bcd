package io.leadflow.scoring.domain.account;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.model.Grade;
import java.util.Set;

/**
 * An account as its members make it now.
 *
 * @param score the members' faded, capped points added up
 * @param fitScore its best member's fit score
 * @param grade its best member's fit grade
 * @param coverage the buying-group roles of the members that engaged
 * @param leads how many leads belong to it
 * @param stage {@link AccountStage#MQA} when score, grade and coverage meet the model's MQA thresholds
 */
public record AccountStanding(int score, int fitScore, Grade grade, Set<BuyingRole> coverage, int leads, AccountStage stage) {

    public AccountStanding {
        coverage = Set.copyOf(coverage);
    }
}
