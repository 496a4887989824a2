package dev.atrium.platform.errors;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Two writers of one version: the later one loses and is told to read again (412), instead of a 500. */
@Provider
public class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(OptimisticLockException exception) {
        PreconditionFailedException stale = PreconditionFailedException.stale("The resource");
        return ProblemLog.clientError(Problem.of(
                        stale.typeSlug(),
                        stale.title(),
                        stale.status(),
                        stale.getMessage(),
                        RequestInstance.of(uriInfo)))
                .toResponse();
    }
}
