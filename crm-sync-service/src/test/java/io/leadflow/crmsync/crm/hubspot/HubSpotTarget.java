package io.leadflow.crmsync.crm.hubspot;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service configured to write handoffs to HubSpot ({@code leadflow.crm.target=hubspot}). */
public class HubSpotTarget implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadflow.crm.target", "hubspot");
    }
}
