package dev.atrium.billing.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.billing.application.PayoutAccountView;
import dev.atrium.billing.application.PayoutAccounts;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payout accounts: the tenant's own (its share of what passes through it) and each professional's (what they earn),
 * onboarded through the payment provider's hosted pages; their state follows the provider's events.
 */
@Path("/t/{tenant}/api/v1/billing/payout-accounts")
@TenantApi(TenantModule.BILLING)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing: payouts")
public class PayoutAccountsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    PayoutAccounts accounts;

    /** @param country where the holder is (ISO 3166, two letters); the provider asks the rest during onboarding */
    public record Onboarding(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code, e.g. DE")
            String country,

            @Size(max = 2000) String returnUrl) {}

    @GET
    @Path("/tenant")
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's payout account and whether its share can be paid to it (admins)")
    public PayoutAccountView tenantAccount() {
        return accounts.status(true);
    }

    @POST
    @Path("/tenant")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open (or continue) the tenant's payout onboarding: answers the provider's onboarding page")
    public PayoutAccountView onboardTenant(@Valid Onboarding onboarding) {
        return accounts.onboard(true, country(onboarding), onboarding == null ? null : onboarding.returnUrl());
    }

    @GET
    @Path("/me")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The calling professional's payout account")
    public PayoutAccountView mine() {
        return accounts.status(false);
    }

    @POST
    @Path("/me")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open (or continue) the calling professional's payout onboarding (professionals only)")
    public PayoutAccountView onboardMe(@Valid Onboarding onboarding) {
        return accounts.onboard(false, country(onboarding), onboarding == null ? null : onboarding.returnUrl());
    }

    private static String country(Onboarding onboarding) {
        return onboarding == null || onboarding.country() == null ? null : onboarding.country();
    }
}
