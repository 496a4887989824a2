package dev.atrium.platform.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON, or not JSON of the expected shape (including unknown fields), is a 400. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonbException exception) {
        return ProblemLog.clientError(unreadable(uriInfo)).toResponse();
    }

    static Problem unreadable(UriInfo uriInfo) {
        return Problem.of(
                "unreadable-body",
                "Unreadable request body",
                400,
                "The request body is not well-formed JSON of the documented shape, or it has fields this resource does"
                        + " not accept.",
                RequestInstance.of(uriInfo));
    }
}
