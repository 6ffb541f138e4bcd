package io.leadflow.handoff.domain;

import io.leadflow.apisecurity.Roles;
import java.util.Set;

/**
 * Which handoffs a caller may see and act on (docs/security.md): a caller whose only relevant role is
 * sales-rep, only the handoffs assigned to them (their name is their id in the routing rules); a
 * sales-manager, marketing-ops or admin, all of them (marketing-ops only reads, which the endpoints' roles
 * enforce).
 *
 * @param caller the caller's name (the token's upn, preferred_username or sub)
 * @param ownOnly true when the caller sees only their own handoffs
 */
public record HandoffAccess(String caller, boolean ownOnly) {

    private static final Set<String> SEE_ALL = Set.of(Roles.SALES_MANAGER, Roles.MARKETING_OPS, Roles.ADMIN);

    public static HandoffAccess of(String caller, Set<String> roles) {
        return new HandoffAccess(caller, roles.stream().noneMatch(SEE_ALL::contains));
    }

    /** Whether the caller may see, and (roles permitting) act on, a handoff assigned to {@code assignee}. */
    public boolean mayAccess(String assignee) {
        return !ownOnly || caller.equals(assignee);
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
        return ownOnly || onBehalfOf == null || onBehalfOf.isBlank() ? caller : onBehalfOf.trim();
    }
}
