package dev.atrium.platform.tenancy.api;

import dev.atrium.platform.tenancy.application.TenantDomains;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * On a tenant's own domain the {@code /t/{tenant}} prefix may be left out: a request for {@code /api/v1/...} whose
 * Host is a registered domain is routed as {@code /t/{tenant}/api/v1/...}. Everything about the tenant (visibility,
 * token binding) is then checked exactly as for the prefixed path.
 */
@Provider
@PreMatching
public class TenantDomainRouting implements ContainerRequestFilter {

    @Inject
    TenantDomains domains;

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String path = uri.getPath();
        if (!path.startsWith("/api/v1/") && !path.startsWith("api/v1/")) {
            return;
        }
        String host = hostOf(request.getHeaderString("Host"));
        if (host.isEmpty()) {
            return;
        }
        domains.slugOf(host)
                .ifPresent(slug -> request.setRequestUri(
                        uri.getBaseUri(),
                        UriBuilder.fromUri(uri.getRequestUri())
                                .replacePath(uri.getBaseUri().getRawPath())
                                .path("t")
                                .path(slug)
                                .path(uri.getPath(false))
                                .build()));
    }

    static String hostOf(String header) {
        if (header == null) {
            return "";
        }
        String host = header.trim().toLowerCase(Locale.ROOT);
        int port = host.lastIndexOf(':');
        if (port > 0 && !host.endsWith("]")) {
            host = host.substring(0, port);
        }
        return host;
    }
}
