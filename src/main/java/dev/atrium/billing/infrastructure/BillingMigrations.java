package dev.atrium.billing.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Billing's tables in every tenant schema: {@code db/tenant/billing}. */
@ApplicationScoped
public class BillingMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "billing";
    }

    @Override
    public List<String> exportedTables() {
        return List.of(
                "billing_product",
                "billing_purchase",
                "billing_membership",
                "billing_entitlement",
                "billing_receipt",
                "billing_ledger_entry",
                "billing_settings",
                "billing_escrow",
                "billing_escrow_payout");
    }
}
