package io.leadflow.events;

/**
 * The part a person plays in a company's buying group, as scoring reads it from the lead's traits (the
 * {@code buyingRole} trait, else the job title, else the seniority): see docs/accounts.md.
 */
public enum BuyingRole {
    /** Signs off the purchase: chiefs, founders, presidents, VPs, heads. */
    DECISION_MAKER,
    /** Pushes for it inside: directors, managers, team leads. */
    CHAMPION,
    /** Judges whether it works: engineers, architects, IT, security. */
    TECHNICAL_EVALUATOR,
    /** Holds the budget: finance, procurement, purchasing. */
    FINANCE,
    /** Everyone else who would use it. */
    USER
}
