package dev.atrium.platform.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The catch-all: anything no other mapper claims is a server error, logged with an id and answered without
 * internals. The exceptions: a body the JSON provider could not read, which some runtimes report wrapped in a
 * {@link ProcessingException} (the caller's error: 400), and database failures that surface at flush or commit, which
 * {@link StoreFailures} turns into 412, 409 or a 503 with {@code Retry-After}.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    /** A failover or restart of PostgreSQL takes seconds; the pool replaces broken connections on the next use. */
    static final int RETRY_AFTER_SECONDS = 2;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        if (isUnreadableBody(exception)) {
            return ProblemLog.clientError(UnreadableBodyMapper.unreadable(uriInfo))
                    .toResponse();
        }
        return StoreFailures.classify(exception)
                .map(kind -> answer(kind, exception))
                .orElseGet(() -> ProblemLog.serverError(500, exception).toResponse());
    }

    private Response answer(StoreFailures.Kind kind, Throwable exception) {
        return switch (kind) {
            case STALE_VERSION -> {
                PreconditionFailedException stale = PreconditionFailedException.stale("The resource");
                yield ProblemLog.clientError(Problem.of(
                                stale.typeSlug(), stale.title(), 412, stale.getMessage(), RequestInstance.of(uriInfo)))
                        .toResponse();
            }
            case CONFLICT ->
                ProblemLog.clientError(Problem.of(
                                "conflicting-change",
                                "Conflicting change",
                                409,
                                "Another request changed the same data at the same time; read it again and retry.",
                                RequestInstance.of(uriInfo)))
                        .toResponse();
            case UNAVAILABLE ->
                Response.fromResponse(ProblemLog.unavailable(exception).toResponse())
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .build();
        };
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
