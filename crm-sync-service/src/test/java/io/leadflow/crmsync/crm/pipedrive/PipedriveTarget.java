package io.leadflow.crmsync.crm.pipedrive;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service configured to write handoffs to Pipedrive ({@code leadflow.crm.target=pipedrive}). */
public class PipedriveTarget implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadflow.crm.target", "pipedrive");
    }
}
