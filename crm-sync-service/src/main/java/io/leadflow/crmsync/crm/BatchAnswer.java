package io.leadflow.crmsync.crm;

import java.util.Map;

/**
 * What a CRM answered to one batch call, by handoff id: the record ids of the leads it took and the
 * errors of those it rejected.
 *
 * @param externalIds the CRM's record id of each lead it took
 * @param errors why it rejected a lead, for the leads it named
 * @param batchError why it rejected the leads it said nothing about (a batch refused as a whole)
 */
public record BatchAnswer(Map<String, String> externalIds, Map<String, String> errors, String batchError) {

    public static BatchAnswer refusedAsAWhole(String why) {
        return new BatchAnswer(Map.of(), Map.of(), why);
    }

    public String errorOf(String handoffId) {
        return errors.getOrDefault(handoffId, batchError);
    }
}
