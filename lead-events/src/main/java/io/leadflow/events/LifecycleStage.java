package io.leadflow.events;

/**
 * Where a lead is in the funnel. The main path runs upwards in declaration order;
 * {@link #RECYCLED} and {@link #DISQUALIFIED} are side exits.
 */
public enum LifecycleStage {
    SUBSCRIBER,
    LEAD,
    MQL,
    SAL,
    SQL,
    OPPORTUNITY,
    CUSTOMER,
    RECYCLED,
    DISQUALIFIED;

    /** True when moving from this stage to {@code next} is a step up the main path. */
    public boolean isBelow(LifecycleStage next) {
        return next.ordinal() <= CUSTOMER.ordinal() && ordinal() < next.ordinal();
    }
}
