package io.leadflow.scoring.domain;

import java.util.List;

/**
 * How much of every lead's stored history one page of a what-if preview or a model replay holds: at most
 * {@code leads} leads and, together, at most {@code events} events of their histories. A lead is scored from
 * its whole history, so one whose history alone is larger than {@code events} is a page of its own: memory is
 * bounded by the larger of the bound and the biggest single history, whatever the database holds.
 *
 * @param leads the most leads a page holds
 * @param events the most history events a page holds (unless one lead alone has more)
 */
public record HistoryPageBounds(int leads, long events) {

    public HistoryPageBounds {
        if (leads < 1 || events < 1) {
            throw new IllegalArgumentException("a page holds at least one lead and one event, was " + leads + " leads, " + events + " events");
        }
    }

    /**
     * @param eventCounts the history sizes of the next leads, in page order
     * @return how many of them the next page takes: as many as fit both bounds, and at least one (when there is one)
     */
    public int take(List<Long> eventCounts) {
        int taken = 0;
        long held = 0;
        for (long count : eventCounts) {
            if (taken == leads || (taken > 0 && held + count > events)) {
                break;
            }
            taken++;
            held += count;
        }
        return taken;
    }
}
