package dev.atrium.platform.jobs;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.audit.AuditTrail;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.jobs.JobBoard.JobView;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's jobs, for operators: what is waiting, what failed every attempt, and a retry for the latter. */
@Path("/api/v1/platform/jobs")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: jobs")
public class JobsResource {

    @Inject
    JobBoard board;

    @Inject
    JobScheduler scheduler;

    @Inject
    AuditTrail audit;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "Jobs by status: scheduled (waiting or running, soonest first) or failed (newest first)")
    public Page<JobView> list(
            @QueryParam("status") @DefaultValue("scheduled") String status,
            @QueryParam("kind") String kind,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return switch (status) {
            case "scheduled" -> board.scheduled(kind, request);
            case "failed" -> board.failed(kind, request);
            default -> throw new InvalidParameterException("status", "must be scheduled or failed");
        };
    }

    @POST
    @Path("/{kind}/{id}/retry")
    @Operation(summary = "Runs a failed job again now, with fresh attempts")
    public JobView retry(@PathParam("kind") String kind, @PathParam("id") String id) {
        return audit.record(Actor.of(token), "job.retry", kind + "/" + id, () -> board.retry(kind, id)
                .orElseThrow(() -> notFailed(kind, id)));
    }

    @POST
    @Path("/recurring/{name}/run")
    @Operation(summary = "Runs a recurring job (a sweep, a purge) now rather than at its next period")
    public void runNow(@PathParam("name") String name) {
        audit.record(Actor.of(token), "job.run-now", name, () -> {
            if (!scheduler.runRecurringNow(name)) {
                throw new ResourceNotFoundException(
                        "recurring-job-not-found",
                        "Recurring job not found",
                        "There is no recurring job " + name + ".");
            }
            return null;
        });
    }

    @DELETE
    @Path("/{kind}/{id}")
    @Operation(summary = "Drops a failed job for good")
    public void discard(@PathParam("kind") String kind, @PathParam("id") String id) {
        audit.record(Actor.of(token), "job.discard", kind + "/" + id, () -> {
            if (!board.discard(kind, id)) {
                throw notFailed(kind, id);
            }
            return null;
        });
    }

    private static ResourceNotFoundException notFailed(String kind, String id) {
        return new ResourceNotFoundException(
                "failed-job-not-found", "Failed job not found", "There is no failed job " + kind + "/" + id + ".");
    }
}
