package io.leadflow.events;

/** Where an account is: {@link #ENGAGED} once a lead of it engaged, {@link #MQA} while it meets its model's MQA thresholds. */
public enum AccountStage {
    ENGAGED,
    MQA
}
