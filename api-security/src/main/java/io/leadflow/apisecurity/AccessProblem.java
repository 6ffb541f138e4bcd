package io.leadflow.apisecurity;

/**
 * The problem+json body (RFC 9457) of a refused call: the same members every service's problems
 * carry, so a client reads a 401 or 403 as it reads any other error of the API.
 */
public record AccessProblem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPES = "https://leadflow.io/problems/";

    static AccessProblem unauthorized(String detail) {
        return new AccessProblem(TYPES + "unauthorized", "Unauthorized", 401, detail);
    }

    static AccessProblem forbidden(String detail) {
        return new AccessProblem(TYPES + "forbidden", "Forbidden", 403, detail);
    }
}
