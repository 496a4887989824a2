package dev.atrium.marketplace.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The marketplace's tables in every tenant schema: {@code db/tenant/marketplace}. */
@ApplicationScoped
public class MarketplaceMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "marketplace";
    }

    @Override
    public List<String> exportedTables() {
        return List.of(
                "marketplace_settings",
                "marketplace_category",
                "marketplace_skill",
                "marketplace_profile",
                "marketplace_profile_skill",
                "marketplace_portfolio_item",
                "marketplace_job",
                "marketplace_job_skill",
                "marketplace_job_question",
                "marketplace_job_attachment",
                "marketplace_invitation",
                "marketplace_proposal",
                "marketplace_proposal_answer",
                "marketplace_proposal_attachment",
                "marketplace_contract",
                "marketplace_milestone",
                "marketplace_submission",
                "marketplace_submission_attachment",
                "marketplace_dispute",
                "marketplace_timesheet",
                "marketplace_time_entry",
                "marketplace_review_window",
                "marketplace_review",
                "marketplace_private_feedback_score",
                "marketplace_saved_search",
                "marketplace_saved_search_skill",
                "marketplace_saved_search_alert",
                "marketplace_service",
                "marketplace_service_skill",
                "marketplace_service_tier",
                "marketplace_service_question",
                "marketplace_service_media",
                "marketplace_service_order",
                "marketplace_service_order_answer");
    }
}
