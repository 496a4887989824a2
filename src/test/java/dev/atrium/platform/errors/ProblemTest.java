package dev.atrium.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void typeIsAStableUriUnderTheProblemsBase() {
        Problem problem = Problem.of("not-found", "Resource not found", 404, "No tenant acme.", URI.create("/x"));
        assertEquals(URI.create("https://atrium.dev/problems/not-found"), problem.type());
    }

    @Test
    void emptyFieldErrorsAreLeftOutOfTheBody() {
        Problem problem = Problem.of("validation-failed", "Validation failed", 400, "d", null)
                .withErrors(List.of());
        assertNull(problem.errors());
    }

    @Test
    void fieldErrorsCannotBeChangedAfterTheProblemIsMade() {
        List<Problem.FieldError> errors = new ArrayList<>(List.of(new Problem.FieldError("name", "must not be blank")));
        Problem problem = Problem.of("validation-failed", "Validation failed", 400, "d", null)
                .withErrors(errors);
        errors.clear();
        assertEquals(1, problem.errors().size());
        assertThrows(UnsupportedOperationException.class, () -> problem.errors().clear());
    }
}
