package io.leadflow.crmsync.rest;

import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;

/**
 * An inbound CRM call that is refused before its content is looked at: 401 when it is not signed by
 * the CRM, 503 when inbound calls are not configured. Answered as problem+json.
 */
public class InboundRefusedException extends ProblemException {

    public InboundRefusedException(int status, String message) {
        super(status == 401 ? Problem.of(401, "bad-signature", "Not signed by the CRM", message)
                : Problem.of(status, "inbound-not-configured", "Inbound CRM calls are not configured", message));
    }
}
