package dev.atrium.platform.errors;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The {@code instance} of a client error: the path that was requested, without host or query. */
final class RequestInstance {

    private RequestInstance() {}

    static URI of(UriInfo uriInfo) {
        if (uriInfo == null) {
            return null;
        }
        try {
            return URI.create(uriInfo.getRequestUri().getRawPath());
        } catch (IllegalStateException | IllegalArgumentException outsideRequest) {
            return null;
        }
    }
}
