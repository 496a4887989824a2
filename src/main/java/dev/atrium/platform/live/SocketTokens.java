package dev.atrium.platform.live;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the bearer tokens live sockets send in a frame, as MicroProfile JWT verifies the REST API's (server.xml's
 * {@code mpJwt}): the same issuer, the same realm keys (fetched from its JWKS and cached), RS256, 30 s of clock skew,
 * a subject and an expiry required. What the token says about the tenant is checked by {@code TenantTokens} after.
 */
@ApplicationScoped
public class SocketTokens {

    @Inject
    @ConfigProperty(name = "atrium.jwt.issuer", defaultValue = "http://localhost:8180/realms/atrium")
    String issuer;

    @Inject
    @ConfigProperty(
            name = "atrium.jwt.jwks.uri",
            defaultValue = "http://localhost:8180/realms/atrium/protocol/openid-connect/certs")
    String jwksUri;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void configure() {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
        } catch (MalformedURLException badUri) {
            throw new IllegalStateException("atrium.jwt.jwks.uri is not a URL: " + jwksUri, badUri);
        }
        DefaultJWTProcessor<SecurityContext> verifying = new DefaultJWTProcessor<>();
        verifying.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "azp"));
        claims.setMaxClockSkew(30);
        verifying.setJWTClaimsSetVerifier(claims);
        this.processor = verifying;
    }

    /** The token's claims if it verifies; an exception saying why not otherwise. */
    public JWTClaimsSet verify(String token) throws Exception {
        return processor.process(token, null);
    }
}
