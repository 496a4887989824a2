package dev.atrium.billing.application;

import dev.atrium.billing.infrastructure.LedgerStore;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reading the current tenant's ledger (its admins; the operator through the platform API). */
@ApplicationScoped
public class Ledger {

    @Inject
    LedgerStore store;

    @TenantTransactional
    public LedgerView read(PageRequest page) {
        List<LedgerView.Line> lines = store.page(page.offset(), page.size()).stream()
                .map(row -> new LedgerView.Line(
                        NativeQueries.uuid(row[0]),
                        NativeQueries.dateTime(row[1]),
                        (String) row[2],
                        (String) row[3],
                        ((Number) row[4]).longValue(),
                        (String) row[5],
                        row[6] == null ? null : NativeQueries.uuid(row[6]),
                        (String) row[7],
                        row[8] == null ? null : NativeQueries.uuid(row[8]),
                        (String) row[9],
                        (String) row[10],
                        (String) row[11]))
                .toList();
        List<LedgerView.Total> totals = store.totals().stream()
                .map(row -> new LedgerView.Total((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
        return new LedgerView(lines, page.page(), page.size(), store.count(), totals);
    }
}
