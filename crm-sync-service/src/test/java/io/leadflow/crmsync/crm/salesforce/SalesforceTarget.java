package io.leadflow.crmsync.crm.salesforce;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service configured to write handoffs to Salesforce ({@code leadflow.crm.target=salesforce}), which also polls it. */
public class SalesforceTarget implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // no session to start with: the first call refreshes one (the %test token is an expired one, for the adapter's own tests)
        return Map.of("leadflow.crm.target", "salesforce", "leadflow.crm.salesforce.access-token", "");
    }
}
