package dev.atrium.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The answers every module gives the same way: created resources with their location, versioned ones with an ETag. */
public final class Responses {

    private Responses() {}

    /** 201 with {@code Location} (the request's path plus the new id) and the created resource. */
    public static Response created(UriInfo uri, UUID id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(entity)
                .build();
    }

    /** 201 as {@link #created(UriInfo, UUID, Object)}, with the new resource's ETag. */
    public static Response created(UriInfo uri, UUID id, Object entity, long version) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(EntityTags.of(version))
                .entity(entity)
                .build();
    }

    /** 200 with a versioned resource and its ETag. */
    public static Response tagged(Object entity, long version) {
        return Response.ok(entity).tag(EntityTags.of(version)).build();
    }
}
