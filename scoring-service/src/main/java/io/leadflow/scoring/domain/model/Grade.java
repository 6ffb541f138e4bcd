package io.leadflow.scoring.domain.model;

/** A lead's fit grade, A best. */
public enum Grade {
    A, B, C, D;

    /** True when this grade is {@code minimum} or better. */
    public boolean isAtLeast(Grade minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
