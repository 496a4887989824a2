package dev.atrium.messaging.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The messaging module's tables in every tenant schema: {@code db/tenant/messaging}. */
@ApplicationScoped
public class MessagingMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "messaging";
    }

    @Override
    public List<String> exportedTables() {
        return List.of(
                "conversation",
                "conversation_member",
                "message",
                "member_block",
                "message_report",
                "message_reaction",
                "message_attachment");
    }
}
