package org.tingsted.server.deliberation;

/**
 * How one draft fared in a final vote.
 *
 * @param support members who marked it {@link Choice#SUPPORT}
 * @param oppose members who marked it {@link Choice#OPPOSE}
 * @param abstain members who marked it {@link Choice#ABSTAIN}; members who left it unmarked are
 *     in none of the three counts
 * @param share {@code support} divided by the whole electorate, not by the ballots cast: a
 *     member who stayed away, abstained or left the draft unmarked counts as not supporting it
 * @param adopted whether {@code share} meets the vote's threshold, within {@link
 *     Plenary#THRESHOLD_TOLERANCE}
 */
public record DraftSupport(
    String draft, int support, int oppose, int abstain, double share, boolean adopted) {}
