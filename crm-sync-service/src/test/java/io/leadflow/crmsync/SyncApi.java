package io.leadflow.crmsync;

import static io.restassured.RestAssured.given;

import io.leadflow.localinfra.DevTokens;
import io.restassured.specification.RequestSpecification;

/** Calls to the sync API with a bearer JWT of a role docs/security.md lets make them. */
public final class SyncApi {

    /** May read the ledger ({@code GET /v1/sync/{leadId}}). */
    public static final String MARKETING_OPS = DevTokens.bearer("mo", "marketing-ops");
    /** May also retry a FAILED handoff. */
    public static final String ADMIN = DevTokens.bearer("ada", "admin");

    private SyncApi() {
    }

    public static RequestSpecification asMarketingOps() {
        return given().header("Authorization", MARKETING_OPS);
    }

    public static RequestSpecification asAdmin() {
        return given().header("Authorization", ADMIN);
    }
}
