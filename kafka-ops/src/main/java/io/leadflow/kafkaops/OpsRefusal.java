package io.leadflow.kafkaops;

import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;
import java.util.List;
import java.util.Locale;

/**
 * A call of the operations API that is refused, with its HTTP status: answered as problem+json by
 * api-problems' mapper, having changed nothing. A wrong input names its field
 * ({@code invalid-input}); any other refusal's type is its title in lower case, hyphenated.
 */
public final class OpsRefusal extends ProblemException {

    private OpsRefusal(Problem problem) {
        super(problem);
    }

    public static OpsRefusal invalid(String field, String message) {
        return new OpsRefusal(Problem.of(400, "invalid-input", "Invalid input", field + " " + message,
                List.of(new FieldError(field, message))));
    }

    public static OpsRefusal notFound(String detail) {
        return titled(404, "Unknown dead letter", detail);
    }

    public static OpsRefusal conflict(String title, String detail) {
        return titled(409, title, detail);
    }

    public static OpsRefusal unavailable(String detail) {
        return titled(503, "Kafka did not answer", detail);
    }

    private static OpsRefusal titled(int status, String title, String detail) {
        return new OpsRefusal(Problem.of(status, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, detail));
    }
}
