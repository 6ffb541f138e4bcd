package io.leadflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What sales did with a handed-off lead, and the lifecycle stage it moves the lead to. */
public enum SalesAction {
    ACCEPTED("accepted", LifecycleStage.SAL),
    QUALIFIED("qualified", LifecycleStage.SQL),
    RECYCLED("recycled", LifecycleStage.RECYCLED),
    REJECTED("rejected", LifecycleStage.DISQUALIFIED);

    private final String wireName;
    private final LifecycleStage stage;

    SalesAction(String wireName, LifecycleStage stage) {
        this.wireName = wireName;
        this.stage = stage;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The lifecycle stage this action moves the lead to. */
    public LifecycleStage stage() {
        return stage;
    }

    /** Reject and recycle must say why. */
    public boolean needsReason() {
        return this == RECYCLED || this == REJECTED;
    }

    @JsonCreator
    static SalesAction parse(String name) {
        return Arrays.stream(values()).filter(action -> action.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sales action: " + name));
    }
}
