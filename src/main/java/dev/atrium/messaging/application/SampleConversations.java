package dev.atrium.messaging.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberRef;
import dev.atrium.messaging.domain.Conversation;
import dev.atrium.messaging.domain.Message;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import dev.atrium.platform.time.Now;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A demo tenant with messaging starts with conversations: a welcome group of its first admin and its two sample
 * members (identity's {@code SampleMembers}), and a direct conversation between the two, each with a few messages.
 */
@ApplicationScoped
public class SampleConversations {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Members members;

    @Inject
    Participants participants;

    @Inject
    Now now;

    @TenantTransactional
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) TenantOnboarded onboarded) {
        if (!onboarded.sampleData() || !onboarded.tenant().hasEnabled(TenantModule.MESSAGING)) {
            return;
        }
        String domain = onboarded.tenant().slug() + ".example";
        Optional<MemberRef> admin = members.withSubject(onboarded.adminSubject());
        Optional<MemberRef> sam = members.withEmail("sam@" + domain);
        Optional<MemberRef> pat = members.withEmail("pat@" + domain);
        if (admin.isEmpty() || sam.isEmpty() || pat.isEmpty()) {
            return;
        }
        OffsetDateTime start = now.dateTime().minusHours(2);
        Conversation welcome = Conversation.group(
                "Welcome to " + onboarded.tenant().name(), admin.get().id(), start);
        em.persist(welcome);
        for (MemberRef member : List.of(admin.get(), sam.get(), pat.get())) {
            participants.add(welcome.id(), member.id(), start);
        }
        say(welcome, admin.get(), "Welcome, everyone! This is where we say hello and ask anything.", start);
        say(welcome, sam.get(), "Hi! Glad to be here.", start.plusMinutes(5));
        say(welcome, pat.get(), "Hello all. Ping me about the example project any time.", start.plusMinutes(9));

        Conversation direct = Conversation.direct(sam.get().id(), pat.get().id(), start.plusMinutes(20));
        em.persist(direct);
        participants.add(direct.id(), sam.get().id(), start.plusMinutes(20));
        participants.add(direct.id(), pat.get().id(), start.plusMinutes(20));
        say(direct, sam.get(), "Could you review my first task this week?", start.plusMinutes(21));
        say(direct, pat.get(), "Sure, send it over when it is ready.", start.plusMinutes(30));
    }

    private void say(Conversation conversation, MemberRef author, String text, OffsetDateTime at) {
        long seq = conversation.nextSeq(at);
        em.persist(new Message(conversation.id(), seq, author.id(), text, null, at));
        participants.markRead(conversation.id(), author.id(), seq);
    }
}
