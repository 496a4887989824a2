package dev.atrium.projects.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.projects.application.Recommendations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Suggestions drawn from the tenant's projects (scoring: docs/projects.md). */
@Path("/t/{tenant}/api/v1/recommendations")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: projects")
public class RecommendationsResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    Recommendations recommendations;

    @GET
    @Path("/next-tasks")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's open tasks, best next first, with the reasons for each score")
    public List<Recommendations.NextTask> nextTasks() {
        return recommendations.nextTasks();
    }

    @GET
    @Path("/at-risk-projects")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Projects the caller can see that will likely miss their target date at their recent pace")
    public List<Recommendations.AtRiskProject> atRiskProjects() {
        return recommendations.atRiskProjects();
    }
}
