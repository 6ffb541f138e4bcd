package io.leadflow.kafkaops;

/**
 * A call of the operations API that is refused, with its HTTP status: answered as problem+json by
 * {@link OpsProblemMapper}, having changed nothing.
 *
 * @see OpsProblem
 */
public final class OpsRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    private OpsRefusal(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static OpsRefusal invalid(String field, String message) {
        return new OpsRefusal(400, "Invalid input", field, message);
    }

    public static OpsRefusal notFound(String detail) {
        return new OpsRefusal(404, "Unknown dead letter", null, detail);
    }

    public static OpsRefusal conflict(String title, String detail) {
        return new OpsRefusal(409, title, null, detail);
    }

    public static OpsRefusal unavailable(String detail) {
        return new OpsRefusal(503, "Kafka did not answer", null, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The wrong input field, null when the input is not what is wrong. */
    public String field() {
        return field;
    }
}
