package dev.atrium.platform.probe;

import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.probe.Probes.ProbeView;
import dev.atrium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Probes of the job scheduler and the outbox relay, for operators. */
@Path("/api/v1/platform/probes")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: probes")
public class ProbeResource {

    @Inject
    Probes probes;

    @Context
    UriInfo uri;

    /** What a probe should do: fail its first {@code failures} attempts; a job probe is due after a delay. */
    public record ProbeRequest(
            @Min(0) @Max(3) Integer failures,
            @Min(0) @Max(3600) Integer delaySeconds,
            Boolean rollBack) {

        int failuresOrNone() {
            return failures == null ? 0 : failures;
        }
    }

    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedules a probe job; read it back to see its pick-up latency")
    public Response probeJobs(@Valid ProbeRequest request) {
        ProbeRequest asked = request == null ? new ProbeRequest(0, 0, false) : request;
        return created(
                probes.probeJobs(asked.failuresOrNone(), asked.delaySeconds() == null ? 0 : asked.delaySeconds()));
    }

    @POST
    @Path("/outbox")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publishes a probe event; read it back to see its delivery lag",
            description = "With \"rollBack\": true the transaction fails after publishing (409): nothing is delivered.")
    public Response probeOutbox(@Valid ProbeRequest request) {
        return created(probes.probeOutbox(
                request == null ? 0 : request.failuresOrNone(),
                request != null && Boolean.TRUE.equals(request.rollBack())));
    }

    @GET
    @Path("/{id}")
    public ProbeView get(@PathParam("id") UUID id) {
        return probes.find(id)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "probe-not-found", "Probe not found", "There is no probe " + id + "."));
    }

    /** Created at /probes/jobs or /probes/outbox, read back at /probes/{id}. */
    private Response created(ProbeView probe) {
        return Response.created(uri.getBaseUriBuilder()
                        .path(ProbeResource.class)
                        .path(probe.id().toString())
                        .build())
                .entity(probe)
                .build();
    }
}
