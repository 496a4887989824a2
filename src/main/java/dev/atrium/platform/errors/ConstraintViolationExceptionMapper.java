package dev.atrium.platform.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/** Maps Bean Validation failures of a request to a 400 problem that lists every failing field. */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        Problem problem = Problem.of(
                        "validation-failed",
                        "Validation failed",
                        400,
                        "The request has " + errors.size() + " invalid field(s).",
                        RequestInstance.of(uriInfo))
                .withErrors(errors);
        return ProblemLog.clientError(problem).toResponse();
    }

    /**
     * The field as the caller knows it: the property path inside the request body or the query parameter, without
     * the Java method and argument names that Bean Validation puts in front.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringJoiner field = new StringJoiner(".");
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            field.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }
}
