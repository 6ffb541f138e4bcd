package io.leadflow.capture.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The forms that may be posted, by form id. */
public final class FormCatalog {

    private final Map<String, FormDefinition> forms;

    public FormCatalog(Collection<FormDefinition> forms) {
        this.forms = forms.stream().collect(Collectors.toUnmodifiableMap(FormDefinition::formId, Function.identity()));
    }

    public Optional<FormDefinition> find(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    /** Every origin some form is bound to. */
    public List<String> allowedOrigins() {
        return forms.values().stream().flatMap(form -> form.allowedOrigins().stream()).distinct().toList();
    }
}
