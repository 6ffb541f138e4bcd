package io.leadflow.capture.config;

import com.networknt.schema.format.EmailFormat;
import java.util.function.Predicate;

/**
 * The {@code format: email} check of the JSON Schema validator that the contract's schemas are
 * checked with: capture accepts exactly the emails its consumers will find valid.
 */
public final class SchemaEmailFormat implements Predicate<String> {

    private final EmailFormat format = new EmailFormat();

    @Override
    public boolean test(String email) {
        // the format reads nothing from the execution context
        return format.matches(null, email);
    }
}
