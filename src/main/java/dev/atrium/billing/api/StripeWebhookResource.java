package dev.atrium.billing.api;

import dev.atrium.billing.application.StripeEvents;
import dev.atrium.billing.domain.PaymentProvider;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where Stripe sends its events, for the platform's account and for connected accounts alike (two endpoints at
 * Stripe, one URL here). No token: the {@code Stripe-Signature} over the raw body is the proof, checked before
 * anything else; the answer comes as soon as the event is queued.
 */
@Path("/api/v1/billing/stripe/webhook")
@RequestScoped
@Tag(name = "Billing: Stripe webhook")
public class StripeWebhookResource {

    /** Stripe's events are a few kilobytes; a body larger than this is not one of them and is not read further. */
    private static final int MAX_EVENT_BYTES = 1 << 20;

    @Inject
    StripeEvents events;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stripe's events (signed); 400 for a forged, unsigned or stale delivery")
    public Map<String, Object> receive(InputStream body, @HeaderParam("Stripe-Signature") String signature)
            throws IOException {
        byte[] payload = body.readNBytes(MAX_EVENT_BYTES + 1);
        if (payload.length > MAX_EVENT_BYTES) {
            throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        PaymentProvider.ProviderEvent event = events.receive(new String(payload, StandardCharsets.UTF_8), signature);
        return Map.of("received", true, "event", event.id());
    }
}
