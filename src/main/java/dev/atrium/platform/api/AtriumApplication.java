package dev.atrium.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST application. It is mounted at the context root so that the platform API ({@code /api/v1/...}) and the
 * tenant APIs ({@code /t/{tenant}/api/v1/...}) share one JAX-RS application, one set of exception mappers and one
 * authentication mechanism: bearer tokens from the {@code atrium} Keycloak realm.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "atrium")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Atrium API",
                        version = "v1",
                        description = "Multi-tenant, white-label platform for schools, agencies and communities."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class AtriumApplication extends Application {}
