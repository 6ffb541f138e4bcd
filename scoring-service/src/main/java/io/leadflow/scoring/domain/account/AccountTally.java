package io.leadflow.scoring.domain.account;

import io.leadflow.events.BuyingRole;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The running sums an account's standing is made of, kept on the account and changed by each member that comes,
 * changes or goes: so that a roll-up costs the same for an account of ten leads as for one of a hundred thousand, and
 * never reads all its members. The faded points are those of every member, faded to {@code asOf}; a member's
 * contribution fades at one rate for all of them, so it can be taken out again exactly as it was put in.
 *
 * @param fadedPoints the members' points, each faded to {@code asOf}
 * @param asOf when the faded points stand
 * @param leads how many leads belong to the account
 * @param engagedByRole how many engaged members hold each buying-group role (roles with none absent)
 */
public record AccountTally(double fadedPoints, Instant asOf, int leads, Map<BuyingRole, Integer> engagedByRole) {

    /** How points given at one moment fade by another ({@link AccountScorer#faded}). */
    @FunctionalInterface
    public interface Fading {
        double faded(double points, Instant from, Instant to);
    }

    /** An account without members. */
    public static final AccountTally EMPTY = new AccountTally(0, Instant.EPOCH, 0, Map.of());

    public AccountTally {
        engagedByRole = Map.copyOf(engagedByRole);
    }

    /** The tally with {@code member} added, its points faded to {@code now}. */
    public AccountTally with(AccountMember member, Instant now, Fading fading) {
        return changed(member, now, fading, 1);
    }

    /** The tally with {@code member}, as it was added, taken out. */
    public AccountTally without(AccountMember member, Instant now, Fading fading) {
        return changed(member, now, fading, -1);
    }

    /** The roles at least one engaged member holds. */
    public Set<BuyingRole> coverage() {
        return engagedByRole.keySet();
    }

    private AccountTally changed(AccountMember member, Instant now, Fading fading, int sign) {
        int count = leads + sign;
        if (count <= 0) {
            return EMPTY;
        }
        // every member fades alike, so the sum so far fades as one member of its size would
        double points = Math.max(0, fading.faded(fadedPoints, asOf, now) + sign * fading.faded(member.points(), member.asOf(), now));
        Map<BuyingRole, Integer> roles = new EnumMap<>(BuyingRole.class);
        roles.putAll(engagedByRole);
        if (member.engaged()) {
            roles.merge(member.role(), sign, Integer::sum);
            roles.values().removeIf(n -> n <= 0);
        }
        return new AccountTally(points, now.isAfter(asOf) ? now : asOf, count, roles);
    }
}
