package io.leadflow.scoring.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Conditions on an engagement's properties; every one that is set must hold.
 *
 * @param pathPattern a glob on the path of the {@code url} property ({@code *} matches anything), such as {@code /pricing*}
 * @param contentId the {@code contentId} property, exactly
 * @param formId the {@code formId} property, exactly
 * @param utmSource the {@code utm_source} property, in any case
 * @param properties conditions on any property, such as {@code {"property": "seats", "op": ">=", "value": 20}}
 */
public record EventCondition(String pathPattern, String contentId, String formId, String utmSource,
        List<PropertyCondition> properties) {

    public EventCondition {
        // null entries are kept for the validator to name
        properties = properties == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(properties));
    }

    /** Conditions on the named properties only. */
    public EventCondition(String pathPattern, String contentId, String formId, String utmSource) {
        this(pathPattern, contentId, formId, utmSource, null);
    }

    public boolean isEmpty() {
        return pathPattern == null && contentId == null && formId == null && utmSource == null && properties.isEmpty();
    }
}
