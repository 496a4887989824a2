package dev.atrium.platform.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the application's own exceptions to the problem each one names. */
@Provider
public class AtriumExceptionMapper implements ExceptionMapper<AtriumException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(AtriumException exception) {
        if (exception.status() >= 500) {
            return ProblemLog.serverError(exception).toResponse();
        }
        Problem problem = Problem.of(
                exception.typeSlug(),
                exception.title(),
                exception.status(),
                exception.getMessage(),
                RequestInstance.of(uriInfo));
        Response answer = ProblemLog.clientError(problem).toResponse();
        if (exception instanceof TooManyRequestsException limited) {
            return Response.fromResponse(answer)
                    .header("Retry-After", limited.retryAfterSeconds())
                    .build();
        }
        return answer;
    }
}
