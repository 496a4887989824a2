package dev.atrium.identity.application;

import dev.atrium.identity.MemberRemoved;
import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.media.Media;
import dev.atrium.platform.media.MediaItem;
import dev.atrium.platform.media.MediaKind;
import dev.atrium.platform.media.MediaOwner;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Members' avatars: a public image the member uploaded (media service), attached to them; replacing it deletes the
 * previous one, and a removed member's avatar goes with their membership.
 */
@ApplicationScoped
public class MemberAvatars {

    @Inject
    MemberRepository members;

    @Inject
    Media media;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Clock clock;

    static MediaOwner ownerOf(UUID memberId) {
        return new MediaOwner("identity", "avatar", memberId.toString());
    }

    /** Makes the uploaded image the caller's avatar. */
    @TenantTransactional
    public MemberView set(UUID mediaId) {
        Member member = caller();
        MediaOwner owner = ownerOf(member.id());
        MediaItem image = media.find(mediaId);
        if (image.status() != MediaItem.Status.READY) {
            throw new dev.atrium.platform.errors.ConflictException(
                    "media-not-ready",
                    "Media not ready",
                    "The image is still " + image.status().id() + "; set it as the avatar once it is ready.");
        }
        if (image.kind() != MediaKind.IMAGE || !image.isPublic()) {
            throw new InvalidRequestException(
                    "avatar-not-a-public-image",
                    "Avatar not a public image",
                    "An avatar is an image uploaded with visibility=public (others see it).");
        }
        media.ownedBy(owner).stream()
                .filter(previous -> !previous.id().equals(mediaId))
                .forEach(media::delete);
        media.attach(mediaId, owner);
        member.editProfile(
                new Member.ProfileChanges(null, media.publicUrl(image, "medium"), null, null, null),
                OffsetDateTime.now(clock));
        return MemberView.of(member);
    }

    /** Takes the caller's avatar away (and deletes the image). */
    @TenantTransactional
    public MemberView remove() {
        Member member = caller();
        media.deleteOwnedBy(ownerOf(member.id()));
        member.editProfile(new Member.ProfileChanges(null, "", null, null, null), OffsetDateTime.now(clock));
        return MemberView.of(member);
    }

    void onRemoved(@Observes MemberRemoved removed) {
        media.deleteOwnedBy(ownerOf(removed.memberId()));
    }

    private Member caller() {
        UUID id = currentTenant.caller().orElseThrow().memberId();
        return members.find(id).orElseThrow(() -> MembershipLedger.noSuchMember(id));
    }
}
