package dev.atrium.platform.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.errors.ConflictException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private static Tenant provisioning() {
        return Tenant.register(TenantSlug.of("acme"), "Acme", TenantKind.AGENCY, "standard", "atrium", NOW);
    }

    private static Tenant active() {
        Tenant tenant = provisioning();
        tenant.activate("1", new TenantIdentity("org", "client"), NOW);
        return tenant;
    }

    @Test
    void newTenantIsProvisioningInItsOwnSchema() {
        Tenant tenant = provisioning();
        assertEquals(TenantStatus.PROVISIONING, tenant.status());
        assertEquals("t_acme", tenant.schemaName());
        assertFalse(tenant.status().isVisibleToMembers());
    }

    @Test
    void activationRecordsSchemaVersionAndIdentity() {
        Tenant tenant = active();
        assertEquals(TenantStatus.ACTIVE, tenant.status());
        assertEquals("1", tenant.schemaVersion());
        assertEquals("client", tenant.identity().clientId());
    }

    @Test
    void onboardingInProgressCannotBeClaimedTwiceUntilAbandoned() {
        Tenant tenant = provisioning();
        assertThrows(ConflictException.class, () -> tenant.restartOnboarding(NOW.plusMinutes(1), ABANDONED));
        tenant.restartOnboarding(NOW.plusMinutes(6), ABANDONED);
        assertEquals(TenantStatus.PROVISIONING, tenant.status());
    }

    @Test
    void failedTenantCanBeOnboardedAgainButAnActiveOneCannot() {
        Tenant failed = provisioning();
        failed.fail("Keycloak down", NOW);
        assertEquals("Keycloak down", failed.failureReason());
        failed.restartOnboarding(NOW, ABANDONED);
        assertNull(failed.failureReason());

        assertThrows(ConflictException.class, () -> active().restartOnboarding(NOW, ABANDONED));
    }

    @Test
    void suspendResumeArchiveFollowTheLifecycle() {
        Tenant tenant = active();
        assertTrue(tenant.suspend(NOW));
        assertFalse(tenant.suspend(NOW), "suspending twice changes nothing");
        assertFalse(tenant.status().acceptsWrites());
        assertTrue(tenant.status().isVisibleToMembers());
        assertTrue(tenant.archive(NOW));
        assertFalse(tenant.status().isVisibleToMembers());
        assertThrows(ConflictException.class, () -> tenant.suspend(NOW));
        assertTrue(tenant.resume(NOW));
        assertEquals(TenantStatus.ACTIVE, tenant.status());
    }

    @Test
    void provisioningTenantCannotBeSuspendedArchivedOrDeleted() {
        Tenant tenant = provisioning();
        assertThrows(ConflictException.class, () -> tenant.suspend(NOW));
        assertThrows(ConflictException.class, () -> tenant.archive(NOW));
        assertThrows(ConflictException.class, tenant::requireDeletable);
    }

    @Test
    void deletionForgetsIdentityAndDomains() {
        Tenant tenant = active();
        tenant.revise(new TenantChanges(null, null, null, null, null, Set.of("acme.example")), NOW);
        tenant.markDeleted(NOW);
        assertEquals(TenantStatus.DELETED, tenant.status());
        assertNull(tenant.identity().clientId());
        assertTrue(tenant.domains().isEmpty());
    }

    @Test
    void revisionNamesWhatChanged() {
        Tenant tenant = active();
        List<String> changed = tenant.revise(
                new TenantChanges("Acme Ltd", null, "standard", null, Set.of(TenantModule.PROJECTS), null), NOW);
        assertEquals(List.of("name", "modules"), changed);
        assertEquals(List.of(), tenant.revise(new TenantChanges("Acme Ltd", null, null, null, null, null), NOW));
    }

    @Test
    void brandingCanBeSetOnATenantLoadedWithoutAny() throws Exception {
        Tenant tenant = active();
        java.lang.reflect.Field branding = Tenant.class.getDeclaredField("branding");
        branding.setAccessible(true);
        branding.set(tenant, null); // what EclipseLink loads when every branding column is empty
        Branding blue = new Branding("Acme", null, "#0000ff", null, null, "en", null);

        assertEquals(List.of("branding"), tenant.revise(new TenantChanges(null, null, null, blue, null, null), NOW));
        assertEquals("#0000ff", tenant.branding().primaryColor());
    }

    @Test
    void aScheduledDeletionArchivesAndIsDueOnlyAtItsTimeAndOnlyIfNotRestored() {
        Tenant tenant = active();
        tenant.scheduleDeletion(NOW.plusDays(30), NOW);
        assertEquals(TenantStatus.ARCHIVED, tenant.status());
        assertFalse(tenant.isDeletionDue(NOW.plusDays(29)));
        assertTrue(tenant.isDeletionDue(NOW.plusDays(30)));
        assertThrows(ConflictException.class, () -> tenant.scheduleDeletion(NOW.plusDays(1), NOW), "only once");
        assertThrows(ConflictException.class, () -> tenant.resume(NOW), "restoring is explicit");

        tenant.cancelDeletion(NOW.plusDays(2));
        assertEquals(TenantStatus.ACTIVE, tenant.status());
        assertNull(tenant.deletionDueAt());
        assertFalse(tenant.isDeletionDue(NOW.plusDays(31)), "a restored tenant is not deleted when the job runs");
        assertThrows(ConflictException.class, () -> tenant.cancelDeletion(NOW), "nothing left to cancel");
    }

    @Test
    void workMayRunWhileTheSchemaExistsOrIsBeingMade() {
        assertTrue(TenantStatus.PROVISIONING.hasWorkingSchema());
        assertTrue(TenantStatus.ARCHIVED.hasWorkingSchema());
        assertFalse(TenantStatus.FAILED.hasWorkingSchema());
        assertFalse(TenantStatus.DELETED.hasWorkingSchema());
    }
}
