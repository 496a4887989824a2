package dev.atrium.platform.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 API through the AWS SDK v2 (with the JDK's HTTP client), configured by {@code atrium.media.s3.*}:
 * {@code ATRIUM_MEDIA_S3_ENDPOINT} (empty for AWS itself), {@code _BUCKET}, {@code _REGION}, {@code _PATH_STYLE}
 * (true for S3Proxy, MinIO, Ceph), and {@code _ACCESS_KEY} / {@code _SECRET_KEY} (without them, the SDK's default
 * chain: {@code AWS_ACCESS_KEY_ID}, web identity, instance roles). Checksums are sent only where the API requires
 * them, which every S3-compatible server accepts.
 */
@ApplicationScoped
public class S3ObjectStorage implements ObjectStorage {

    @Inject
    @ConfigProperty(name = "atrium.media.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "atrium.media.s3.bucket", defaultValue = "atrium-media")
    String bucket;

    @Inject
    @ConfigProperty(name = "atrium.media.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "atrium.media.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    @Inject
    @ConfigProperty(name = "atrium.media.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "atrium.media.s3.secret-key")
    Optional<String> secretKey;

    private S3Client client;
    private S3Presigner presigner;

    @PostConstruct
    void connect() {
        AwsCredentialsProvider credentials =
                accessKey.filter(key -> !key.isBlank()).isPresent()
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(accessKey.get(), secretKey.orElse("")))
                        : DefaultCredentialsProvider.builder().build();
        S3Configuration s3 =
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presignerBuilder = S3Presigner.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3);
        endpoint.filter(url -> !url.isBlank()).map(URI::create).ifPresent(url -> {
            builder.endpointOverride(url);
            presignerBuilder.endpointOverride(url);
        });
        client = builder.build();
        presigner = presignerBuilder.build();
    }

    @PreDestroy
    void disconnect() {
        client.close();
        presigner.close();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        call(() -> client.putObject(
                request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file)));
    }

    @Override
    public StoredObject get(String key, String range) throws IOException {
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = call(() -> client.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(key)
                    .range(range)
                    .build()));
        } catch (IOException failed) {
            if (failed.getCause() instanceof S3Exception refused && refused.statusCode() == 416) {
                throw new RangeNotSatisfiable(key);
            }
            throw failed;
        }
        GetObjectResponse response = body.response();
        return new StoredObject(
                body, response.contentLength(), response.contentType(), response.eTag(), response.contentRange());
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        try {
            HeadObjectResponse head =
                    client.headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(head.contentLength(), head.contentType(), head.eTag()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception failed) {
            if (failed.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Object storage refused HEAD " + key + ": " + failed.getMessage(), failed);
        } catch (SdkException failed) {
            throw new IOException("Object storage unreachable: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void download(String key, Path file) throws IOException {
        java.nio.file.Files.deleteIfExists(file);
        call(() -> client.getObject(request -> request.bucket(bucket).key(key), file));
    }

    @Override
    public void copy(String from, String to) throws IOException {
        call(() -> client.copyObject(request -> request.sourceBucket(bucket)
                .sourceKey(from)
                .destinationBucket(bucket)
                .destinationKey(to)));
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> client.deleteObject(request -> request.bucket(bucket).key(key)));
    }

    @Override
    public int deletePrefix(String prefix, Instant before) throws IOException {
        List<ObjectIdentifier> keys = new ArrayList<>();
        call(() -> {
            client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .filter(object -> before == null || object.lastModified().isBefore(before))
                    .map(S3Object::key)
                    .forEach(key -> keys.add(ObjectIdentifier.builder().key(key).build()));
            return null;
        });
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(from + 1000, keys.size()));
            call(() -> client.deleteObjects(request -> request.bucket(bucket)
                    .delete(Delete.builder().objects(batch).quiet(true).build())));
        }
        return keys.size();
    }

    @Override
    public PresignedRequest presignPut(String key, String contentType, long length, Duration validFor) {
        var presigned = presigner.presignPutObject(request -> request.signatureDuration(validFor)
                .putObjectRequest(put ->
                        put.bucket(bucket).key(key).contentType(contentType).contentLength(length)));
        Map<String, String> headers = new HashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedRequest(URI.create(presigned.url().toString()), "PUT", headers, presigned.expiration());
    }

    @Override
    public PresignedRequest presignGet(String key, String downloadName, Duration validFor) {
        var presigned = presigner.presignGetObject(
                request -> request.signatureDuration(validFor).getObjectRequest(get -> get.bucket(bucket)
                        .key(key)
                        .responseContentDisposition(MediaResource.contentDisposition(downloadName))));
        return new PresignedRequest(URI.create(presigned.url().toString()), "GET", Map.of(), presigned.expiration());
    }

    /** An SDK failure as an {@link IOException}: the storage is unreachable or refused, and the caller answers 503. */
    private static <T> T call(SdkCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (NoSuchKeyException missing) {
            throw new java.io.FileNotFoundException(missing.getMessage());
        } catch (SdkException failed) {
            throw new IOException("Object storage failed: " + failed.getMessage(), failed);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run();
    }
}
