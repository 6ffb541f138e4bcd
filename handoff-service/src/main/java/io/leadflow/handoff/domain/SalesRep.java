package io.leadflow.handoff.domain;

import java.time.Instant;
import java.util.List;

/**
 * A sales rep as routing sees them.
 *
 * @param id the rep's id, the assignee named on handoffs
 * @param manager who a breached handoff of this rep escalates to, when not routed through a queue; may be null
 * @param workingHours when the rep takes leads; null means at any time
 * @param outOfOffice times the rep takes no leads
 * @param capacity the most open handoffs (offered or accepted) the rep holds at once; null means no cap
 */
public record SalesRep(String id, String manager, WorkingHours workingHours, List<Absence> outOfOffice, Integer capacity) {

    public SalesRep {
        outOfOffice = outOfOffice == null ? List.of() : List.copyOf(outOfOffice);
    }

    /** A rep who is always available and has no cap. */
    public static SalesRep alwaysAvailable(String id) {
        return new SalesRep(id, null, null, List.of(), null);
    }

    /** Whether the rep can take a new lead at {@code now} while holding {@code openHandoffs}. */
    public boolean canTake(Instant now, long openHandoffs) {
        boolean working = workingHours == null || workingHours.contains(now);
        boolean present = outOfOffice.stream().noneMatch(absence -> absence.covers(now));
        boolean hasRoom = capacity == null || openHandoffs < capacity;
        return working && present && hasRoom;
    }
}
