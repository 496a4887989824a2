package dev.atrium.platform.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Image processing with Thumbnailator (Java's ImageIO underneath): the original is written again without its
 * metadata (EXIF, GPS position, camera, comments) and turned upright by its EXIF orientation; a thumbnail (320 px on
 * its longer side) and a medium size (1280 px) are made, never larger than the original. JPEG stays JPEG; PNG and
 * GIF variants are PNG (transparency kept). An animated GIF keeps its original (re-encoding would drop the
 * animation; GIF carries no EXIF), and its variants show the first frame.
 */
@ApplicationScoped
public class ImageVariants {

    /** The variants and the longer side of each, in order. */
    static final Map<String, Integer> SIZES = sizes();

    private static Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("thumbnail", 320);
        sizes.put("medium", 1280);
        return java.util.Collections.unmodifiableMap(sizes);
    }

    @Inject
    ObjectStorage storage;

    MediaProcessing.Processed process(MediaItem item, Path original, Path work, UUID tenant, IntConsumer progress)
            throws IOException, UnprocessableMediaException {
        requireDecodableSize(original, item);
        boolean jpeg = item.contentType().equals("image/jpeg");
        String format = jpeg ? "jpg" : "png";
        String variantType = variantType(item);
        long stored = item.sizeBytes();
        Path clean = original;
        if (!item.contentType().equals("image/gif")) {
            clean = work.resolve("clean");
            write(Thumbnails.of(original.toFile()).scale(1.0), format, jpeg, clean);
            storage.put(item.key(tenant, MediaItem.ORIGINAL), clean, item.contentType());
            stored = Files.size(clean);
        }
        progress.accept(50);
        BufferedImage upright = ImageIO.read(clean.toFile());
        int width = upright.getWidth();
        int height = upright.getHeight();
        List<String> made = new ArrayList<>();
        int step = 0;
        for (Map.Entry<String, Integer> size : SIZES.entrySet()) {
            Path variant = work.resolve(size.getKey());
            int side = size.getValue();
            var builder = Math.max(width, height) > side
                    ? Thumbnails.of(upright).size(side, side)
                    : Thumbnails.of(upright).scale(1.0);
            write(builder, format, jpeg, variant);
            storage.put(item.key(tenant, size.getKey()), variant, variantType);
            stored += Files.size(variant);
            made.add(size.getKey());
            progress.accept(50 + 45 * ++step / SIZES.size());
        }
        return new MediaProcessing.Processed(width, height, null, made, stored);
    }

    /** Images larger than this many pixels are refused before decoding: decoded, they would not fit in memory. */
    static final long MAX_PIXELS = 50_000_000L;

    /**
     * Reads the dimensions from the header only: a small file can declare a huge image (a "decompression bomb"), and
     * decoding it would take the heap of the whole server.
     */
    private static void requireDecodableSize(Path original, MediaItem item)
            throws IOException, UnprocessableMediaException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(original.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new UnprocessableMediaException("the image cannot be decoded (" + item.contentType() + ")");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UnprocessableMediaException(
                            "the image has " + pixels + " pixels; at most " + MAX_PIXELS + " are processed");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** The content type of an image's variants. */
    static String variantType(MediaItem item) {
        return item.contentType().equals("image/jpeg") ? "image/jpeg" : "image/png";
    }

    private static void write(Thumbnails.Builder<?> builder, String format, boolean jpeg, Path file)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            builder.outputFormat(format);
            if (jpeg) {
                builder.outputQuality(0.9);
            }
            builder.toOutputStream(out);
        }
    }
}
