package dev.atrium.platform.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Maps the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type, missing credentials,
 * unreadable body) to problems, keeping the headers that belong to them ({@code Allow}, {@code WWW-Authenticate}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> TYPES = Map.of(
            400, "bad-request",
            401, "unauthenticated",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            409, "conflict",
            412, "precondition-failed",
            413, "payload-too-large",
            415, "unsupported-media-type");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return ProblemLog.serverError(status, exception).toResponse();
        }
        if (exception instanceof InvalidParameterException invalid) {
            Problem problem = Problem.of(
                            "invalid-parameter",
                            "Invalid parameter",
                            400,
                            "Parameter '" + invalid.parameter() + "' " + invalid.reason() + ".",
                            RequestInstance.of(uriInfo))
                    .withErrors(List.of(new Problem.FieldError(invalid.parameter(), invalid.reason())));
            return ProblemLog.clientError(problem).toResponse();
        }
        Response.StatusType statusType = original.getStatusInfo();
        Problem problem = ProblemLog.clientError(Problem.of(
                TYPES.getOrDefault(status, "client-error"),
                statusType.getReasonPhrase(),
                status,
                detail(status),
                RequestInstance.of(uriInfo)));
        Response.ResponseBuilder response =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        copyHeader(original, response, HttpHeaders.ALLOW);
        copyHeader(original, response, HttpHeaders.WWW_AUTHENTICATE);
        return response.build();
    }

    /** Details written for the caller; the runtime's own messages can name internal classes, so none is echoed. */
    private static String detail(int status) {
        return switch (status) {
            case 400 ->
                "The request could not be read. Check that the body is well-formed JSON of the documented shape.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The token does not grant access to this resource.";
            case 404 -> "No resource exists at this path.";
            case 405 -> "This resource does not support the request method; see the Allow header.";
            case 406 -> "The resource cannot produce any of the media types listed in Accept.";
            case 415 -> "The request body's media type is not supported here; send application/json.";
            default -> "The request was refused.";
        };
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String header) {
        Object value = from.getHeaders().getFirst(header);
        if (value != null) {
            to.header(header, value);
        }
    }
}
