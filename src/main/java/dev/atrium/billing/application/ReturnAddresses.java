package dev.atrium.billing.application;

import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.tenancy.application.TenantDomains;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the payment provider sends a buyer back after Checkout or the portal: the address the caller gives if it is on
 * the platform's public address or one of the tenant's own domains (never elsewhere: a payment page that returns
 * to any address is a phishing tool), else the tenant's page on the platform.
 */
@ApplicationScoped
public class ReturnAddresses {

    @Inject
    @ConfigProperty(name = "atrium.public-url", defaultValue = "http://localhost:9080")
    String publicUrl;

    /** Which tenant each registered domain serves: the same map that routes requests by their Host. */
    @Inject
    TenantDomains domains;

    public String checked(TenantSlug tenant, String requested) {
        if (requested == null || requested.isBlank()) {
            return publicUrl.replaceAll("/+$", "") + "/t/" + tenant.value() + "/";
        }
        URI uri;
        try {
            uri = URI.create(requested);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidParameterException("returnUrl", "must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidParameterException("returnUrl", "must be an absolute http(s) URL");
        }
        URI platform = URI.create(publicUrl);
        boolean onPlatform = uri.getHost().equalsIgnoreCase(platform.getHost())
                && uri.getPort() == platform.getPort()
                && scheme.equals(platform.getScheme());
        boolean onTenantDomain = scheme.equals("https")
                && domains.slugOf(uri.getHost().toLowerCase(Locale.ROOT))
                        .filter(tenant.value()::equals)
                        .isPresent();
        if (!onPlatform && !onTenantDomain) {
            throw new InvalidParameterException(
                    "returnUrl", "must be on " + platform.getHost() + " or one of the tenant's domains");
        }
        return requested;
    }

    /**
     * A short fingerprint of a return address for idempotency keys: the same request to the same place is the same
     * Checkout, one that returns elsewhere is another (the provider refuses a key reused with other parameters).
     */
    static String digest(String url) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The return address with the outcome appended, as the provider will call it. */
    static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }
}
