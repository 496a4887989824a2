package dev.atrium.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.media.MediaSamples;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Avatars through the media service: attached to the member, replaced, and gone with the membership. */
class MemberAvatarIT {

    @Test
    void anUploadedPublicImageBecomesTheAvatarAndTheOldOneGoesWhenReplaced() {
        Tenant tenant = TestTenants.onboard("avatar");
        Member member = TestTenants.invite(tenant, "student");
        String first = MediaSamples.uploadPublicPng(tenant, member);
        JsonObject me = put(tenant, member, first);
        assertTrue(
                me.getString("avatarUrl").startsWith(TestSystem.baseUrl() + tenant.path("/media/" + first)),
                me::toString);
        assertEquals(
                200,
                Api.anonymous()
                        .download(tenant.path("/media/" + first + "/content?variant=medium"))
                        .statusCode());
        JsonObject medium = member.api().get(tenant.path("/media/" + first)).json();
        assertEquals("avatar", medium.getJsonObject("owner").getString("type"));

        String second = MediaSamples.uploadPublicPng(tenant, member);
        assertTrue(put(tenant, member, second).getString("avatarUrl").contains(second));
        assertEquals(404, member.api().get(tenant.path("/media/" + first)).status(), "the replaced avatar is deleted");

        Member other = TestTenants.invite(tenant, "student");
        Api.Reply stolen = other.api().put(tenant.path("/members/me/avatar"), "{\"mediaId\": \"" + second + "\"}");
        assertEquals(403, stolen.status(), "another member's image is not theirs to take: " + stolen);
        assertTrue(stolen.json().getString("type").endsWith("/not-the-uploader"), stolen::toString);

        Api.Reply removed = member.api().delete(tenant.path("/members/me/avatar"));
        assertEquals(200, removed.status(), removed::toString);
        assertFalse(removed.json().containsKey("avatarUrl"));
        assertEquals(404, member.api().get(tenant.path("/media/" + second)).status());
    }

    @Test
    void aPrivateOrNonImageUploadIsRefusedAndARemovedMembersAvatarGoes() {
        Tenant tenant = TestTenants.onboard("avatar2");
        Member member = TestTenants.invite(tenant, "student");
        Api.Reply privateImage = member.api()
                .upload(
                        tenant.path("/media?kind=document&filename=cv.txt&visibility=public"),
                        "text/plain",
                        "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Reply refused = member.api()
                .put(
                        tenant.path("/members/me/avatar"),
                        "{\"mediaId\": \"" + privateImage.json().getString("id") + "\"}");
        assertEquals(400, refused.status(), refused::toString);

        String avatar = MediaSamples.uploadPublicPng(tenant, member);
        put(tenant, member, avatar);
        assertEquals(
                204,
                tenant.admin()
                        .api()
                        .delete(tenant.path("/members/" + member.id()))
                        .status());
        Await.until(
                "the removed member's avatar deleted",
                Duration.ofSeconds(10),
                () -> tenant.admin().api().get(tenant.path("/media/" + avatar)).status() == 404
                        ? Optional.of(true)
                        : Optional.empty());
    }

    private static JsonObject put(Tenant tenant, Member member, String mediaId) {
        Api.Reply reply = member.api().put(tenant.path("/members/me/avatar"), "{\"mediaId\": \"" + mediaId + "\"}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
