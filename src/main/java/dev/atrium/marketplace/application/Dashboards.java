package dev.atrium.marketplace.application;

import dev.atrium.billing.Payouts;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's marketplace at a glance, from a few aggregate queries: as a client, their jobs by status, the proposals
 * waiting for them, their active contracts and what they spent and hold in escrow; as a professional, their proposals
 * by status and this month's allowance, their active contracts, their earnings (in escrow, being released, received)
 * and whether their payout account can be paid.
 */
@ApplicationScoped
@TenantTransactional
public class Dashboards {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    ProposalDesk proposals;

    @Inject
    Payouts payouts;

    @Inject
    dev.atrium.platform.time.Now clock;

    /** Amounts per currency, in minor units. */
    public record Amounts(Map<String, Long> byCurrency) {}

    public record ClientDashboard(
            Map<String, Long> jobs, long proposalsToReview, long activeContracts, Amounts spent, Amounts inEscrow) {}

    public record ProfessionalDashboard(
            Map<String, Long> proposals,
            Views.AllowanceView allowance,
            long activeContracts,
            Amounts inEscrow,
            Amounts beingReleased,
            Amounts earned,
            Payouts.AccountStatus payoutAccount) {}

    /** @param client null unless the caller posts jobs; @param professional null unless the caller is one */
    public record Dashboard(ClientDashboard client, ProfessionalDashboard professional) {}

    public Dashboard mine() {
        Membership caller = access.caller();
        boolean client = caller.holds(TenantRole.CLIENT) || caller.holds(TenantRole.ADMIN);
        boolean professional = caller.holds(TenantRole.PROFESSIONAL);
        return new Dashboard(
                client ? client(caller.memberId()) : null, professional ? professional(caller.memberId()) : null);
    }

    private ClientDashboard client(UUID me) {
        Map<String, Long> jobs =
                counts("select lower(status), count(*) from marketplace_job where client_id = ?1 group by status", me);
        long toReview = count(
                "select count(*) from marketplace_proposal p join marketplace_job j on j.id = p.job_id"
                        + " where j.client_id = ?1 and p.status in ('SUBMITTED', 'SHORTLISTED') and not p.archived"
                        + " and j.status in ('OPEN', 'CLOSED', 'FILLED')",
                me);
        return new ClientDashboard(
                jobs,
                toReview,
                activeContracts("client_id", me),
                amounts(
                        "select m.currency, sum(m.released_amount) from marketplace_milestone m join"
                                + " marketplace_contract c on c.id = m.contract_id where c.client_id = ?1"
                                + " and m.released_amount is not null group by m.currency",
                        me),
                held("client_id", me, "('FUNDED', 'SUBMITTED', 'DISPUTED', 'RELEASING', 'REFUNDING')"));
    }

    private ProfessionalDashboard professional(UUID me) {
        return new ProfessionalDashboard(
                counts(
                        "select lower(status), count(*) from marketplace_proposal where professional_id = ?1"
                                + " group by status",
                        me),
                proposals.allowance(me, clock.dateTime(), false),
                activeContracts("professional_id", me),
                held("professional_id", me, "('FUNDED', 'SUBMITTED', 'DISPUTED')"),
                held("professional_id", me, "('RELEASING')"),
                amounts(
                        "select m.currency, sum(m.earned_amount) from marketplace_milestone m join"
                                + " marketplace_contract c on c.id = m.contract_id where c.professional_id = ?1"
                                + " and m.earned_amount is not null group by m.currency",
                        me),
                payouts.accountOf(me).orElse(null));
    }

    private long activeContracts(String party, UUID me) {
        return count(
                "select count(*) from marketplace_contract where " + party + " = ?1 and status in ('ACTIVE', 'PAUSED')",
                me);
    }

    /** Milestone amounts of the member's contracts in the given statuses (a constant list), per currency. */
    private Amounts held(String party, UUID me, String statuses) {
        return amounts(
                "select m.currency, sum(m.amount) from marketplace_milestone m join marketplace_contract c"
                        + " on c.id = m.contract_id where c." + party + " = ?1 and m.status in " + statuses
                        + " group by m.currency",
                me);
    }

    private Amounts amounts(String sql, UUID me) {
        return new Amounts(counts(sql, me));
    }

    private Map<String, Long> counts(String sql, UUID me) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Object[]> rows = NativeQueries.rows(em, sql + " order by 1", me);
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private long count(String sql, UUID me) {
        return ((Number) NativeQueries.rows(em, sql, me).get(0)[0]).longValue();
    }
}
