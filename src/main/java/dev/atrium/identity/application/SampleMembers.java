package dev.atrium.identity.application;

import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A demo tenant (onboarded with sample data) gets two members besides its first admin, so that its sample content
 * has people in it (conversations, assignments): a student and a professional, {@code sam@<slug>.example} and
 * {@code pat@<slug>.example}. On a development machine they sign in with {@code atrium.identity.sample-password}.
 */
@ApplicationScoped
public class SampleMembers {

    private static final Logger LOG = Logger.getLogger(SampleMembers.class.getName());

    @Inject
    MemberAdministration administration;

    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) TenantOnboarded onboarded) {
        if (!onboarded.sampleData()) {
            return;
        }
        String domain = onboarded.tenant().slug() + ".example";
        administration.inviteSample("sam@" + domain, "Sam Rivera", Set.of(TenantRole.STUDENT));
        administration.inviteSample("pat@" + domain, "Pat Okafor", Set.of(TenantRole.PROFESSIONAL));
        LOG.info(() -> "Tenant " + onboarded.tenant().slug() + ": sample members sam@" + domain + " and pat@" + domain);
        if (onboarded.tenant().hasEnabled(TenantModule.MARKETPLACE)) {
            // A marketplace needs someone to hire and more than one to choose from.
            administration.inviteSample("chris@" + domain, "Chris Morgan", Set.of(TenantRole.CLIENT));
            administration.inviteSample("lena@" + domain, "Lena Fischer", Set.of(TenantRole.PROFESSIONAL));
            administration.inviteSample("omar@" + domain, "Omar Haddad", Set.of(TenantRole.PROFESSIONAL));
            LOG.info(() -> "Tenant " + onboarded.tenant().slug()
                    + ": marketplace sample members chris@, lena@ and omar@" + domain);
        }
    }
}
