package io.leadflow.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aProblemWithoutWrongFieldsIsWrittenWithoutAnErrorsMember() throws Exception {
        Problem problem = Problem.of(404, "not-found", "Not found", "no handoff h-1");

        assertThat(json.writeValueAsString(problem)).isEqualTo(
                "{\"type\":\"https://leadflow.io/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no handoff h-1\"}");
    }

    @Test
    void aProblemNamingFieldsListsEachWithItsMessage() throws Exception {
        Problem problem = Problem.of(400, "invalid-input", "Invalid input", "email is required",
                List.of(new FieldError("email", "is required")));

        assertThat(json.readTree(json.writeValueAsString(problem)).get("errors").toString())
                .isEqualTo("[{\"field\":\"email\",\"message\":\"is required\"}]");
    }

    @Test
    void nullErrorsBecomeAnEmptyListThatCannotBeChanged() {
        Problem problem = new Problem("t", "T", 409, "d", null);

        assertThat(problem.errors()).isEmpty();
        assertThat(new ProblemException(problem)).hasMessage("d").extracting(ProblemException::problem).isSameAs(problem);
    }

    @Test
    void aProblemIsAnsweredWithItsStatusEvenOneJaxRsDoesNotName() {
        Problem problem = Problem.of(422, "too-few-outcomes", "Too few outcomes", "the window holds 3 outcomes");

        var answer = ProblemAnswers.answer(problem);

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getEntity()).isSameAs(problem);
        assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    }
}
