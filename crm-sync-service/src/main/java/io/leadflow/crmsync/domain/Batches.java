package io.leadflow.crmsync.domain;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list of writes into batches no larger than a CRM's documented limit. */
public final class Batches {

    private Batches() {
    }

    /** Consecutive slices of {@code items}, in order, each of at most {@code limit} items. */
    public static <T> List<List<T>> of(List<T> items, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a batch holds at least one item, limit was " + limit);
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += limit) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + limit))));
        }
        return batches;
    }
}
