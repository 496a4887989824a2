package dev.atrium.billing.infrastructure;

import dev.atrium.billing.Money;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The current tenant's ledger table: lines are inserted (a line already there, same provider reference and kind, is
 * left as it is), never updated or deleted (a trigger refuses both).
 */
@ApplicationScoped
public class LedgerStore {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    public void append(List<LedgerEntry> lines, OffsetDateTime now) {
        for (LedgerEntry line : lines) {
            NativeQueries.execute(
                    em,
                    "insert into billing_ledger_entry (id, occurred_at, recorded_at, kind, party, amount, currency,"
                            + " member_id, source_kind, source_id, provider_ref, balance_transaction, description)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                            + " on conflict (provider_ref, kind) do nothing",
                    line.id().toString(),
                    line.occurredAt(),
                    now,
                    line.kind().id(),
                    line.party().id(),
                    line.amount().minor(),
                    line.amount().currency(),
                    NativeQueries.text(line.memberId()),
                    line.sourceKind(),
                    NativeQueries.text(line.sourceId()),
                    line.providerRef(),
                    line.balanceTransaction(),
                    line.description());
        }
    }

    /** One page of lines, newest first. */
    public List<Object[]> page(int offset, int limit) {
        return NativeQueries.rows(
                em,
                "select id, occurred_at, kind, party, amount, currency, member_id, source_kind, source_id, provider_ref,"
                        + " balance_transaction, description from billing_ledger_entry"
                        + " order by occurred_at desc, recorded_at desc, id limit ?1 offset ?2",
                limit,
                offset);
    }

    public long count() {
        return ((Number) NativeQueries.rows(em, "select count(*) from billing_ledger_entry")
                        .get(0)[0])
                .longValue();
    }

    /** The sum of each kind of line per currency. */
    public List<Object[]> totals() {
        return NativeQueries.rows(
                em,
                "select currency, kind, sum(amount) from billing_ledger_entry group by currency, kind"
                        + " order by currency, kind");
    }

    public static Money money(Object amount, Object currency) {
        return Money.of(((Number) amount).longValue(), (String) currency);
    }
}
