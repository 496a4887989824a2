package dev.atrium.platform.live;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantAccess;
import dev.atrium.platform.tenancy.application.TenantTokens;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens live connections and runs what clients ask over them. A connection is admitted exactly as a request to the
 * tenant's API is (a token issued for the tenant, an active member, a tenant visible to members), then resumes: the
 * client names the last event it saw and is sent what it missed, or is told to reload when that is no longer kept.
 */
@ApplicationScoped
public class LiveConnections {

    /** Missed events sent on resuming; further behind, the client reloads instead. */
    static final int MAX_RESUMED = 1_000;

    @Inject
    CurrentTenant currentTenant;

    /** How long a socket may stay open without authenticating. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "atrium.live.authentication-timeout",
            defaultValue = "PT10S")
    java.time.Duration authenticationTimeout;

    @Inject
    LiveGate gate;

    @Inject
    SocketTokens tokens;

    @Inject
    LiveHub hub;

    @Inject
    LiveLog log;

    @Inject
    @Any
    Instance<LiveCommand> commands;

    /** Who a verified token names and until when; what the tenant gate is asked. */
    record Credentials(TenantAccess access, Instant expiresAt) {}

    java.time.Duration authenticationTimeout() {
        return authenticationTimeout;
    }

    /** Verifies a token sent over a socket (the REST API's filter never saw it) and binds it to the tenant. */
    Credentials verify(TenantSlug slug, String token) {
        JWTClaimsSet claims;
        try {
            claims = tokens.verify(token);
        } catch (Exception invalid) {
            throw new Unauthenticated("invalid-token", "The token is not valid: expired, malformed or not ours.");
        }
        Function<String, Object> claim = claims::getClaim;
        TenantTokens.requireIssuedFor(slug, claim);
        return new Credentials(
                new TenantAccess(
                        slug,
                        true,
                        claims.getSubject(),
                        TenantTokens.organizationId(claim, slug),
                        null,
                        true,
                        Set.of()),
                claims.getExpirationTime().toInstant());
    }

    /** The tenant gate, in a request context of its own (a socket's messages arrive outside any request). */
    @ActivateRequestContext
    public LiveGate.Admitted admit(TenantAccess access) {
        currentTenant.request(access);
        return gate.admitted();
    }

    /**
     * Registers an admitted session and sends it {@code ready}, then what it missed after {@code after} (or
     * {@code reload}, when that is no longer kept or too much); null {@code after}: a fresh start.
     */
    void open(LiveSession session, Long after) throws SQLException {
        session.whenEnded(() -> hub.unregister(session));
        hub.register(session);
        LiveLog.Position position = log.position(session.tenant());
        hub.readFrom(session.tenant().id(), position.last());
        List<LiveEvent> missed = List.of();
        String reload = null;
        if (after != null) {
            if (after < position.horizon() || after > position.last()) {
                reload = after > position.last() ? "unknown-position" : "events-no-longer-kept";
            } else {
                missed = log.after(session.tenant(), after, session.memberId(), MAX_RESUMED + 1);
                if (missed.size() > MAX_RESUMED) {
                    missed = List.of();
                    reload = "too-far-behind";
                }
            }
        }
        boolean resumes = after != null && reload == null;
        session.startAt(resumes ? after : position.last());
        var ready = Json.createObjectBuilder()
                .add("tenant", session.tenant().slug().value())
                .add("memberId", session.memberId().toString())
                .add("lastEventId", position.last())
                .add("resumed", resumes)
                .add("expiresAt", session.expiresAt().toString());
        if (reload != null) {
            ready.add("reload", reload);
        }
        session.send(LiveFrame.control("ready", ready.build()));
        session.resumed(missed);
    }

    /**
     * Asks the tenant gate again about a registered session: a removal or suspension that committed between the
     * session's admission and its registration (or while this replica was not listening) was announced to nobody
     * holding it. Registered first, then checked: whatever commits after the registration is announced to it.
     * A refused session is closed; answers whether it stays.
     */
    @ActivateRequestContext
    public boolean recheck(LiveSession session) {
        if (session.access() == null) {
            return true;
        }
        try {
            currentTenant.request(session.access());
            gate.admitted();
            return true;
        } catch (AtriumException refused) {
            session.closeWith(closeFor(refused));
            return false;
        }
    }

    void close(LiveSession session) {
        session.gone();
        hub.unregister(session);
    }

    /** Closes the session when its token expires, unless renewed before. */
    void expireWithToken(LiveSession session) {
        session.expiresWith(hub.at(session.expiresAt(), () -> session.closeWith(LiveClose.TOKEN_EXPIRED)));
    }

    /** A fresh token for the same member: checked by the gate again, and the session lives until it expires. */
    @ActivateRequestContext
    public void renew(LiveSession session, Credentials renewed) {
        currentTenant.request(renewed.access());
        LiveGate.Admitted admitted = gate.admitted();
        if (!admitted.member().memberId().equals(session.memberId())) {
            throw new ForbiddenException(
                    "another-member", "Another member", "A connection is renewed with its own member's token.");
        }
        session.renewed(
                renewed.access(),
                renewed.expiresAt(),
                hub.at(renewed.expiresAt(), () -> session.closeWith(LiveClose.TOKEN_EXPIRED)));
    }

    /** Runs a client's command as the member; problems come back as error frames, the connection stays. */
    @ActivateRequestContext
    public void command(LiveSession session, JsonObject frame) {
        String type = frame.getString("type", "");
        for (LiveCommand command : commands) {
            if (command.type().equals(type)) {
                TenantAccess access = session.access();
                currentTenant.request(new TenantAccess(
                        access.slug(),
                        true,
                        access.subject(),
                        access.organizationId(),
                        command.module(),
                        true,
                        Set.of()));
                command.handle(frame);
                return;
            }
        }
        throw new InvalidRequestException(
                "unknown-live-command", "Unknown command", "A live socket takes no '" + type + "' frames.");
    }

    /** The error frame for a problem: the same type, title, status and detail as the REST API's problem. */
    static LiveFrame error(AtriumException problem) {
        return LiveFrame.control(
                "error",
                Json.createObjectBuilder()
                        .add("status", problem.status())
                        .add(
                                "problem",
                                dev.atrium.platform.errors.Problem.type(problem.typeSlug())
                                        .toString())
                        .add("title", problem.title())
                        .add("detail", problem.getMessage())
                        .build());
    }

    /** How a refusal closes a connection: 4401 for a bad token, 4403 when refused, 4404 for no such tenant. */
    static LiveClose closeFor(AtriumException refusal) {
        return LiveClose.refused(refusal.status(), refusal.typeSlug());
    }

    /** A token that does not verify. */
    static final class Unauthenticated extends AtriumException {
        Unauthenticated(String typeSlug, String detail) {
            super(401, typeSlug, "Not signed in", detail);
        }
    }
}
