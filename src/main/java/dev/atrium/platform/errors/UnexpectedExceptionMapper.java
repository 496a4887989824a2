package dev.atrium.platform.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The catch-all: anything no other mapper claims is a server error, logged with an id and answered without
 * internals. The one exception is a body the JSON provider could not read, which some runtimes report wrapped in a
 * {@link ProcessingException}: that is the caller's error and stays a 400.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        if (isUnreadableBody(exception)) {
            return ProblemLog.clientError(UnreadableBodyMapper.unreadable(uriInfo))
                    .toResponse();
        }
        return ProblemLog.serverError(500, exception).toResponse();
    }

    private static boolean isUnreadableBody(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof jakarta.json.JsonException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
