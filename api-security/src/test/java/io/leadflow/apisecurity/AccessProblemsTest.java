package io.leadflow.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.problems.Problem;
import org.junit.jupiter.api.Test;

class AccessProblemsTest {

    @Test
    void aRefusedTokenIsA401ProblemOfTheSharedShape() {
        Problem problem = AccessProblemMapper.unauthorized("the token has expired");

        assertThat(problem).isEqualTo(new Problem("https://leadflow.io/problems/unauthorized", "Unauthorized", 401,
                "the token has expired", null));
    }

    @Test
    void aMissingRoleIsA403ProblemOfTheSharedShape() {
        Problem problem = AccessProblemMapper.forbidden("this call needs the role admin; the bearer token has none of them");

        assertThat(problem.type()).isEqualTo("https://leadflow.io/problems/forbidden");
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.title()).isEqualTo("Forbidden");
        assertThat(problem.errors()).isEmpty();
    }
}
