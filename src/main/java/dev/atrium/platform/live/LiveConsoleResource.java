package dev.atrium.platform.live;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A small page to watch a member's live socket by hand ({@code /live/console}): it holds no data and uses only the
 * public API with a token the visitor pastes, so it is served in every installation, like the OpenAPI UI.
 */
@Path("/live/console")
@ApplicationScoped
@Tag(name = "Live console")
public class LiveConsoleResource {

    private final String page = load();

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A page that opens a live socket with a pasted token and shows what arrives")
    public String page() {
        return page;
    }

    private static String load() {
        try (InputStream in = LiveConsoleResource.class.getResourceAsStream("/live/console.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
