package dev.atrium.identity.api;

import dev.atrium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller as the platform sees them, whatever tenant (if any) they belong to. */
@Path("/api/v1/me")
@RequestScoped
public class MeResource {

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed(Roles.AUTHENTICATED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The authenticated caller: subject, name and roles from the verified token")
    public Caller me() {
        List<String> roles = token.getGroups() == null
                ? List.of()
                : token.getGroups().stream().sorted().toList();
        String username = token.getClaim(Claims.preferred_username);
        String name = token.getClaim("name");
        String email = token.getClaim(Claims.email);
        return new Caller(token.getSubject(), username, name != null ? name : username, email, roles);
    }
}
