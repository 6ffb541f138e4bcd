package io.leadflow.crmsync.domain;

/** The CRMs a handoff can be written to, by the name used in the ledger and on {@code crm.synced.v1}. */
public enum CrmTarget {
    /** A signed JSON POST to a URL of the customer's choosing, which upserts the lead on its side. */
    WEBHOOK("webhook"),
    /** HubSpot CRM: contacts upserted by email through the v3 objects batch API, with a private-app token. */
    HUBSPOT("hubspot"),
    /** Salesforce: Leads upserted by an external id field through sObject Collections, with OAuth. */
    SALESFORCE("salesforce"),
    /** Pipedrive: a person found by email (created or updated) and one lead per handoff, with an API token. */
    PIPEDRIVE("pipedrive");

    private final String wireName;

    CrmTarget(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The target recorded under {@code wireName} in the ledger. */
    public static CrmTarget ofWireName(String wireName) {
        for (CrmTarget target : values()) {
            if (target.wireName.equals(wireName)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown CRM target " + wireName);
    }
}
