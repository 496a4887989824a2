package dev.atrium.platform.errors;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI naming the kind of problem (clients switch on it),
 * {@code title} its short human summary, {@code detail} what happened this time, {@code instance} this occurrence.
 * {@code errors} lists the failing fields of a validation problem.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://atrium.dev/problems/";

    /** One field that failed validation: where it is in the request, and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(String typeSlug, String title, int status, String detail, URI instance) {
        return new Problem(type(typeSlug), title, status, detail, instance, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
