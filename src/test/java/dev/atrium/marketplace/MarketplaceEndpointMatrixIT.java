package dev.atrium.marketplace;

import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the marketplace (and billing's settings, which set the tenant's share of it) refuses what the
 * platform contract says it must (see EndpointMatrix): no token, another tenant's token, a non-member, a member
 * without the role, a tenant without the module. Refusals come before any use case, so ids need not exist; the
 * tenant's real job title must never appear in a refusal.
 */
class MarketplaceEndpointMatrixIT {

    @Test
    void everyMarketplaceEndpointRefusesStrangersOtherTenantsNonMembersAndTenantsWithoutTheModule() {
        Marketplace market = new Marketplace(TestTenants.onboard("mmx", "professional", "marketplace", "billing"));
        Member client = TestTenants.invite(market.tenant(), "client");
        String job = "/marketplace/jobs/" + market.job(client, "Secret merger website");
        String proposal = "/marketplace/proposals/" + UUID.randomUUID();
        String contract = "/marketplace/contracts/" + UUID.randomUUID();
        String milestone = contract + "/milestones/" + UUID.randomUUID();
        String dispute = "/marketplace/disputes/" + UUID.randomUUID();
        String member = UUID.randomUUID().toString();

        EndpointMatrix.forModule(market.tenant(), "marketplace")
                .member("GET", "/marketplace/settings", null)
                .admin("PATCH", "/marketplace/settings", "{\"autoReleaseDays\": 7}")
                .member("GET", "/marketplace/categories", null)
                .admin("POST", "/marketplace/categories", "{\"slug\": \"x\", \"name\": \"X\"}")
                .admin("PATCH", "/marketplace/categories/" + UUID.randomUUID(), "{\"name\": \"X\"}")
                .member("GET", "/marketplace/skills", null)
                .admin("POST", "/marketplace/skills", "{\"slug\": \"x\", \"name\": \"X\"}")
                .admin("PATCH", "/marketplace/skills/" + UUID.randomUUID(), "{\"name\": \"X\"}")
                .member("GET", "/marketplace/profiles", null)
                .member("GET", "/marketplace/profiles/me", null)
                .role("PUT", "/marketplace/profiles/me", "{\"headline\": \"x\"}")
                .role("POST", "/marketplace/profiles/me/portfolio", "{\"title\": \"x\"}")
                .role("DELETE", "/marketplace/profiles/me/portfolio/" + UUID.randomUUID(), null)
                .member("GET", "/marketplace/profiles/" + member, null)
                .member("GET", "/marketplace/profiles/clients/" + member, null)
                .member("GET", "/marketplace/jobs", null)
                .role(
                        "POST",
                        "/marketplace/jobs",
                        "{\"title\": \"x\", \"description\": \"y\", \"pricing\": \"fixed\", \"currency\": \"eur\"}")
                .role("GET", "/marketplace/jobs/for-me", null)
                .member("GET", "/marketplace/jobs/mine", null)
                .member("GET", job, null)
                .member("PATCH", job, "{\"title\": \"x\"}")
                .member("POST", job + "/publish", "")
                .member("POST", job + "/close", "")
                .member("POST", job + "/cancel", "")
                .member("POST", job + "/invitations", "{\"professionalId\": \"" + member + "\"}")
                .member("GET", job + "/professionals", null)
                .member("GET", job + "/proposals", null)
                .role("POST", job + "/proposals", "{\"coverLetter\": \"x\", \"bid\": 100}")
                .member("GET", "/marketplace/proposals", null)
                .role("GET", "/marketplace/proposals/allowance", null)
                .member("GET", proposal, null)
                .member("PATCH", proposal, "{\"bid\": 100}")
                .member("POST", proposal + "/withdraw", "")
                .member("POST", proposal + "/shortlist", "")
                .member("POST", proposal + "/decline", "{}")
                .member("POST", proposal + "/archive", "")
                .member("POST", proposal + "/unarchive", "")
                .member("POST", proposal + "/hire", "{}")
                .member("GET", "/marketplace/contracts", null)
                .member("GET", contract, null)
                .member("POST", contract + "/milestones", "{\"title\": \"x\", \"amount\": 100}")
                .member("PATCH", milestone, "{\"title\": \"x\"}")
                .member("DELETE", milestone, null)
                .member("POST", milestone + "/fund", "{}")
                .member("POST", milestone + "/submissions", "{\"message\": \"x\"}")
                .member("GET", milestone + "/submissions", null)
                .member("POST", milestone + "/approve", "")
                .member("POST", milestone + "/request-changes", "{}")
                .member("POST", milestone + "/refund", "")
                .member("POST", milestone + "/disputes", "{\"reason\": \"x\"}")
                .member("POST", contract + "/pause", "")
                .member("POST", contract + "/resume", "")
                .member("POST", contract + "/end", "{}")
                .admin("GET", "/marketplace/disputes", null)
                .member("GET", dispute, null)
                .admin("POST", dispute + "/decision", "{\"decision\": \"refund\"}")
                .member("GET", "/marketplace/saved-searches", null)
                .member("POST", "/marketplace/saved-searches", "{\"name\": \"x\", \"kind\": \"jobs\"}")
                .member("PATCH", "/marketplace/saved-searches/" + UUID.randomUUID(), "{\"alerts\": false}")
                .member("DELETE", "/marketplace/saved-searches/" + UUID.randomUUID(), null)
                .member("GET", "/marketplace/dashboard", null)
                .open("GET", "/marketplace/public/profiles", null)
                .open("GET", "/marketplace/public/profiles/" + member, null)
                .open("GET", "/marketplace/public/jobs", null)
                .open("GET", "/marketplace/public/jobs/" + UUID.randomUUID(), null)
                .verify("Secret merger");

        EndpointMatrix.forModule(market.tenant(), "billing")
                .admin("GET", "/billing/settings", null)
                .admin("PATCH", "/billing/settings", "{\"marketplaceShareBasisPoints\": 500}")
                .verify("Secret merger");
    }
}
