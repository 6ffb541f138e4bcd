package io.leadflow.scoring.domain.model;

/**
 * Conditions on an engagement's properties; every one that is set must hold.
 *
 * @param pathPattern a glob on the path of the {@code url} property ({@code *} matches anything), such as {@code /pricing*}
 * @param contentId the {@code contentId} property, exactly
 * @param formId the {@code formId} property, exactly
 * @param utmSource the {@code utm_source} property, in any case
 */
public record EventCondition(String pathPattern, String contentId, String formId, String utmSource) {

    public boolean isEmpty() {
        return pathPattern == null && contentId == null && formId == null && utmSource == null;
    }
}
