package dev.atrium.platform.media;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.api.Responses;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's media: upload (small files here, large ones to storage through a signed URL), read, stream, delete.
 * Every look-up goes through the tenant's own table, so an id or object key of another tenant finds nothing.
 */
@Path("/t/{tenant}/api/v1/media")
@TenantApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: media")
public class MediaResource {

    /** One byte range, as players ask for them; several ranges at once are answered with the whole file. */
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d+-\\d*|-\\d+)");

    private static final Duration PRIVATE_URL_VALID_FOR = Duration.ofMinutes(5);

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    MediaUploads uploads;

    @Inject
    MediaLibrary library;

    @Inject
    ObjectStorage storage;

    @Inject
    CurrentTenant currentTenant;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Upload a small file (the body is the file)",
            description = "Up to 25 MiB (and the kind's limit); larger files through POST /media/uploads. The"
                    + " Content-Type must be one the kind accepts and must match the bytes.")
    public Response upload(
            @QueryParam("kind") @NotNull String kind,
            @QueryParam("filename") @NotNull String filename,
            @QueryParam("visibility") @DefaultValue("private") String visibility,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") @DefaultValue("-1") long length,
            InputStream body) {
        MediaItem item = uploads.upload(declared(kind, contentType, filename, visibility), length, body);
        return Responses.created(uri, item.id(), view(item));
    }

    /** A large upload announced before its bytes go to storage. */
    public record UploadRequest(
            @NotBlank String kind,
            @NotBlank String filename,
            @NotBlank String contentType,
            @NotNull @Positive Long size,
            String visibility) {}

    /** The medium to be, and the signed request that uploads its bytes. */
    public record StartedUpload(MediaView media, Map<String, Object> upload) {}

    @POST
    @Path("/uploads")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a large upload straight to storage",
            description = "Answers a signed PUT URL, valid 15 minutes, for exactly this content type and size; PUT"
                    + " the file there with the headers given, then POST /media/{id}/complete.")
    public Response startUpload(@NotNull @Valid UploadRequest request) {
        MediaUploads.Started started = uploads.start(
                declared(request.kind(), request.contentType(), request.filename(), request.visibility()),
                request.size());
        ObjectStorage.PresignedRequest signed = started.upload();
        return Responses.created(
                uri,
                started.item().id(),
                new StartedUpload(
                        view(started.item()),
                        Map.of(
                                "url", signed.url().toString(),
                                "method", signed.method(),
                                "headers", signed.headers(),
                                "expiresAt", signed.expiresAt().toString())));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Confirm a large upload: its size and content are checked, then it is processed")
    public MediaView complete(@PathParam("id") UUID id) {
        return view(uploads.complete(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "A medium: its status and processing progress, size, duration, variants")
    public MediaView get(@PathParam("id") UUID id) {
        return view(library.readable(id));
    }

    /** A short-lived URL for a medium's bytes. */
    public record SignedUrl(String url, Instant expiresAt) {}

    @GET
    @Path("/{id}/url")
    @RolesAllowed(MEMBER)
    @Operation(summary = "A URL valid for 5 minutes to a medium (or a variant) in storage; ranges work on it")
    public SignedUrl url(@PathParam("id") UUID id, @QueryParam("variant") @DefaultValue("original") String variant) {
        MediaItem item = library.readable(id);
        requireServable(item, variant);
        ObjectStorage.PresignedRequest signed =
                storage.presignGet(item.key(currentTenant.get().id(), variant), item.filename(), PRIVATE_URL_VALID_FOR);
        return new SignedUrl(signed.url().toString(), signed.expiresAt());
    }

    @GET
    @Path("/{id}/content")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "A public medium's bytes (no token needed), cacheable for a year, with byte ranges (206)",
            description = "Private media are read through GET /media/{id}/url.")
    public Response content(
            @PathParam("id") UUID id,
            @QueryParam("variant") @DefaultValue("original") String variant,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        MediaItem item = library.publicly(id);
        requireServable(item, variant);
        EntityTag tag = new EntityTag(item.id() + "-" + variant + "-" + item.version());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(365 * 24 * 3600);
        cache.getCacheExtension().put("immutable", null);
        if (ifNoneMatch != null && (ifNoneMatch.equals("*") || ifNoneMatch.contains(tag.toString()))) {
            return Response.notModified(tag).cacheControl(cache).build();
        }
        String wanted = range != null && SINGLE_RANGE.matcher(range.trim()).matches() ? range.trim() : null;
        ObjectStorage.StoredObject object;
        try {
            object = storage.get(item.key(currentTenant.get().id(), variant), wanted);
        } catch (FileNotFoundException missing) {
            throw notServable(item, variant);
        } catch (IOException failed) {
            if (wanted != null
                    && failed.getMessage() != null
                    && failed.getMessage().contains("416")) {
                return Response.status(416)
                        .header("Content-Range", "bytes */" + item.sizeBytes())
                        .build();
            }
            throw MediaUploads.storageUnavailable(failed);
        }
        StreamingOutput stream = out -> {
            try (object) {
                object.body().transferTo(out);
            }
        };
        Response.ResponseBuilder answer = Response.status(object.contentRange() != null ? 206 : 200)
                .entity(stream)
                .type(contentTypeOf(item, variant))
                .tag(tag)
                .cacheControl(cache)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", object.length())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", contentDisposition(item.filename()));
        if (object.contentRange() != null) {
            answer.header("Content-Range", object.contentRange());
        }
        return answer.build();
    }

    /**
     * HEAD of a public medium: the headers of a GET, from storage's metadata. Without it JAX-RS would run the GET and
     * drop its body, leaving the storage stream open.
     */
    @jakarta.ws.rs.HEAD
    @Path("/{id}/content")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    public Response contentHead(
            @PathParam("id") UUID id, @QueryParam("variant") @DefaultValue("original") String variant) {
        MediaItem item = library.publicly(id);
        requireServable(item, variant);
        ObjectStorage.ObjectInfo info;
        try {
            info = storage.head(item.key(currentTenant.get().id(), variant))
                    .orElseThrow(() -> notServable(item, variant));
        } catch (IOException failed) {
            throw MediaUploads.storageUnavailable(failed);
        }
        return Response.ok()
                .type(contentTypeOf(item, variant))
                .tag(new EntityTag(item.id() + "-" + variant + "-" + item.version()))
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", info.length())
                .build();
    }

    /** RFC 6266: an ASCII fallback name and the real one, percent-encoded as UTF-8. */
    static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete a medium (its uploader or an admin); its bytes follow shortly")
    public void delete(@PathParam("id") UUID id) {
        library.delete(id);
    }

    private MediaUploads.Declared declared(String kind, String contentType, String filename, String visibility) {
        String shown = visibility == null ? "private" : visibility;
        if (!shown.equals("public") && !shown.equals("private")) {
            throw new InvalidParameterException("visibility", "must be public or private");
        }
        return new MediaUploads.Declared(MediaKind.fromId(kind), contentType, filename, shown.equals("public"));
    }

    private static void requireServable(MediaItem item, String variant) {
        if (item.status() != MediaItem.Status.READY) {
            throw new ConflictException(
                    "media-not-ready",
                    "Media not ready",
                    "Medium " + item.id() + " is " + item.status().id() + " (" + item.progress() + " %); its bytes"
                            + " are served once it is ready.");
        }
        if (!item.hasVariant(variant)) {
            throw notServable(item, variant);
        }
    }

    private static ResourceNotFoundException notServable(MediaItem item, String variant) {
        return new ResourceNotFoundException(
                "media-variant-not-found",
                "Media variant not found",
                "Medium " + item.id() + " has no variant '" + variant + "'.");
    }

    private static String contentTypeOf(MediaItem item, String variant) {
        if (variant.equals(MediaItem.ORIGINAL)) {
            return item.contentType();
        }
        return variant.equals(TimedMedia.POSTER) ? "image/jpeg" : ImageVariants.variantType(item);
    }

    private MediaView view(MediaItem item) {
        return MediaView.of(item, "/t/" + tenant + "/api/v1");
    }
}
