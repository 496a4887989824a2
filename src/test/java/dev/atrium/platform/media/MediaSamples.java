package dev.atrium.platform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/** Media for tests of other services (a tenant's deletion, its export). */
public final class MediaSamples {

    private MediaSamples() {}

    /** Uploads a small public PNG as the member and waits until it is ready; @return its id */
    public static String uploadPublicPng(Tenant tenant, Member member) {
        Api.Reply uploaded = member.api()
                .upload(
                        tenant.path("/media?kind=image&filename=logo.png&visibility=public"),
                        "image/png",
                        SampleFiles.png(64, 64));
        assertEquals(201, uploaded.status(), uploaded::toString);
        String id = uploaded.json().getString("id");
        Await.until("medium ready", Duration.ofSeconds(60), () -> {
            JsonObject medium = member.api().get(tenant.path("/media/" + id)).json();
            return medium.getString("status").equals("ready") ? Optional.of(medium) : Optional.empty();
        });
        return id;
    }
}
