package io.leadflow.handoff.domain;

import io.leadflow.apisecurity.Roles;
import java.util.Set;

/**
 * Which handoffs a caller may see and act on (docs/security.md). A sales-manager or admin sees and acts
 * on every handoff; marketing-ops sees every handoff but acts on none of its own right, so a rep who is
 * also marketing-ops still acts only on their own; a rep sees and acts only on the handoffs assigned to
 * them (their subject is their id in the routing rules).
 *
 * @param caller the caller's id: the verified token's subject ({@code sub})
 * @param ownOnly true when the caller sees only their own handoffs
 * @param actsOnOwnOnly true when the caller acts only on their own handoffs
 */
public record HandoffAccess(String caller, boolean ownOnly, boolean actsOnOwnOnly) {

    private static final Set<String> SEE_ALL = Set.of(Roles.SALES_MANAGER, Roles.MARKETING_OPS, Roles.ADMIN);
    private static final Set<String> ACT_ON_ALL = Set.of(Roles.SALES_MANAGER, Roles.ADMIN);

    public static HandoffAccess of(String caller, Set<String> roles) {
        return new HandoffAccess(caller, roles.stream().noneMatch(SEE_ALL::contains), roles.stream().noneMatch(ACT_ON_ALL::contains));
    }

    /** Whether the caller may see a handoff assigned to {@code assignee}. */
    public boolean mayAccess(String assignee) {
        return !ownOnly || caller.equals(assignee);
    }

    /** Whether the caller may accept, reject, recycle or qualify a handoff assigned to {@code assignee} (roles permitting). */
    public boolean mayAct(String assignee) {
        return !actsOnOwnOnly || caller.equals(assignee);
    }

    /**
     * Whether the caller may stream these events: a rep only their own, without a queue (a queue's
     * events name other reps' leads).
     */
    public boolean mayStream(String rep, String queue) {
        return !ownOnly || (queue == null && (rep == null || caller.equals(rep)));
    }

    /**
     * Who is recorded as having acted: the caller, unless one who may act on every handoff names
     * someone they act for (a manager recording a rep's call); a rep cannot act in another's name.
     */
    public String actor(String onBehalfOf) {
        return actsOnOwnOnly || onBehalfOf == null || onBehalfOf.isBlank() ? caller : onBehalfOf.trim();
    }
}
