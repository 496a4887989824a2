package dev.atrium.messaging.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.messaging.application.ConversationView;
import dev.atrium.messaging.application.Conversations;
import dev.atrium.messaging.application.MessagePage;
import dev.atrium.messaging.application.MessageView;
import dev.atrium.messaging.domain.Message;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Conversations and their messages, for their participants. */
@Path("/t/{tenant}/api/v1/conversations")
@TenantApi(TenantModule.MESSAGING)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging")
public class ConversationsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    Conversations conversations;

    @Context
    UriInfo uri;

    /** A direct conversation ({@code with}: the other member) or a group ({@code title}, {@code members}). */
    public record Start(
            @NotNull
            @jakarta.validation.constraints.Pattern(
                    regexp = "direct|group|context",
                    message = "must be direct, group or context")
            String kind,

            UUID with,
            @Size(min = 1, max = 120) String title,
            @Size(max = 200) List<@NotNull UUID> members,
            @Size(max = 40) String context,
            @Size(max = 100) String contextId) {}

    /** A message's text, and the message it replies to. */
    public record Send(
            @Size(max = Message.MAX_LENGTH) String body,
            UUID replyTo,
            @Size(max = 10) List<@NotNull UUID> attachments) {}

    /** A message's new text. */
    public record Edit(
            @NotBlank @Size(max = Message.MAX_LENGTH) String body) {}

    /** A member to add to a group. */
    public record AddMember(@NotNull UUID memberId) {}

    /** How far the caller has read; absent: everything. */
    public record Read(@Min(0) Long seq) {}

    @POST
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a conversation",
            description = "Direct: the existing conversation with that member (200) or a new one (201). Group: a"
                    + " new group owned by the caller.")
    public Response start(@NotNull @Valid Start start) {
        if (start.kind().equals("direct")) {
            if (start.with() == null) {
                throw new InvalidRequestException("A direct conversation names the other member in 'with'.");
            }
            return answer(conversations.direct(start.with()));
        }
        if (start.kind().equals("context")) {
            if (start.context() == null || start.contextId() == null) {
                throw new InvalidRequestException("A context conversation names its 'context' and 'contextId'.");
            }
            return answer(conversations.ofContext(start.context(), start.contextId()));
        }
        if (start.title() == null) {
            throw new InvalidRequestException("A group has a 'title'.");
        }
        ConversationView group =
                conversations.group(start.title(), start.members() == null ? List.of() : start.members());
        return Responses.created(uri, group.id(), group);
    }

    /** 201 for a conversation this call started, 200 for the existing one it found. */
    private Response answer(Conversations.Started started) {
        return started.created()
                ? Responses.created(uri, started.conversation().id(), started.conversation())
                : Response.ok(started.conversation()).build();
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's conversations, latest activity first, each with its unread count")
    public Page<ConversationView> mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return conversations.mine(PageRequest.of(page, size));
    }

    @GET
    @Path("/unread")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Unread messages in all the caller's conversations")
    public Map<String, Long> unread() {
        return Map.of("unread", conversations.unreadTotal());
    }

    @GET
    @Path("/search")
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Search the caller's conversations",
            description = "Words, \"a phrase\", -excluded words (PostgreSQL web search syntax); the 50 newest matches.")
    public List<MessageView> search(@QueryParam("q") @NotBlank @Size(max = 200) String query) {
        return conversations.search(query, 50);
    }

    @jakarta.ws.rs.PUT
    @Path("/{id}/messages/{messageId}/reactions/{reaction}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "React to a message: like, love, laugh, wow, sad or celebrate")
    public MessageView react(
            @PathParam("id") UUID id, @PathParam("messageId") UUID messageId, @PathParam("reaction") String reaction) {
        return conversations.react(id, messageId, reaction, true);
    }

    @DELETE
    @Path("/{id}/messages/{messageId}/reactions/{reaction}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Take one's reaction back")
    public MessageView unreact(
            @PathParam("id") UUID id, @PathParam("messageId") UUID messageId, @PathParam("reaction") String reaction) {
        return conversations.react(id, messageId, reaction, false);
    }

    @GET
    @Path("/blocks")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The members the caller has blocked")
    public Map<String, List<UUID>> blocked() {
        return Map.of("blocked", conversations.blocked());
    }

    @jakarta.ws.rs.PUT
    @Path("/blocks/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Block a member",
            description = "No new direct conversation between the two; their messages are hidden from the caller.")
    public Map<String, List<UUID>> block(@PathParam("memberId") UUID memberId) {
        return Map.of("blocked", conversations.block(memberId));
    }

    @DELETE
    @Path("/blocks/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Unblock a member")
    public Map<String, List<UUID>> unblock(@PathParam("memberId") UUID memberId) {
        return Map.of("blocked", conversations.unblock(memberId));
    }

    /** Why a message is reported. */
    public record Report(@NotBlank @Size(max = 1000) String reason) {}

    @POST
    @Path("/{id}/messages/{messageId}/report")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a message to the tenant's moderators (once per member and message)")
    public Response report(
            @PathParam("id") UUID id, @PathParam("messageId") UUID messageId, @NotNull @Valid Report report) {
        conversations.report(id, messageId, report.reason());
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    public ConversationView get(@PathParam("id") UUID id) {
        return conversations.get(id);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member to a group (its owner)")
    public ConversationView addMember(@PathParam("id") UUID id, @NotNull @Valid AddMember add) {
        return conversations.addMember(id, add.memberId());
    }

    @DELETE
    @Path("/{id}/members/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Remove a member from a group (its owner), or leave it (the member)")
    public void removeMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        conversations.removeMember(id, memberId);
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message: text, files (media ids the caller uploaded), or both; optionally a reply")
    public Response send(@PathParam("id") UUID id, @NotNull @Valid Send send) {
        MessageView message = conversations.send(
                id, send.body(), send.replyTo(), send.attachments() == null ? List.of() : send.attachments());
        return Responses.created(uri, message.id(), message);
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed(MEMBER)
    @Operation(summary = "History, newest first; page back with before=<nextBefore>")
    public MessagePage history(
            @PathParam("id") UUID id,
            @QueryParam("before") @Min(1) Long before,
            @QueryParam("size") @Min(1) @Max(100) Integer size) {
        return conversations.history(id, before, size == null ? PageRequest.DEFAULT_SIZE : size);
    }

    @PATCH
    @Path("/{id}/messages/{messageId}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit one's message (shown as edited)")
    public MessageView edit(
            @PathParam("id") UUID id, @PathParam("messageId") UUID messageId, @NotNull @Valid Edit edit) {
        return conversations.edit(id, messageId, edit.body());
    }

    @DELETE
    @Path("/{id}/messages/{messageId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete one's message (its place stays, shown as deleted)")
    public MessageView delete(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        return conversations.delete(id, messageId);
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the conversation read up to a message number, or entirely")
    public ConversationView read(@PathParam("id") UUID id, @Valid Read read) {
        return conversations.read(id, read == null ? null : read.seq());
    }
}
