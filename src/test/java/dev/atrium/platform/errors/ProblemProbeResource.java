package dev.atrium.platform.errors;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource that exists only in the problem-mapping test deployment, to provoke each kind of error. */
@Path("/probe")
@RequestScoped
public class ProblemProbeResource {

    public record Order(
            @NotBlank @Size(max = 10) String name,
            @Min(1) @Max(99) int quantity) {}

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order echo(@Valid @NotNull Order order) {
        return order;
    }

    @GET
    @Path("/failure")
    @PermitAll
    public String failure() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/conflict")
    @PermitAll
    public String conflict() {
        throw new ConflictException("probe-conflict", "Probe conflict", "The probe is in a conflicting state.");
    }
}
