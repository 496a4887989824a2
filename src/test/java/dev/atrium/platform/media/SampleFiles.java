package dev.atrium.platform.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jcodec.api.awt.AWTSequenceEncoder;

/** Real files made for the tests: a JPEG carrying a comment (metadata), a PNG, an H.264 MP4, a WAVE. */
public final class SampleFiles {

    static final String SECRET_COMMENT = "taken-at-51.5007N-0.1246W";

    private SampleFiles() {}

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** A photo-like JPEG: noise compresses as badly as a real photograph's detail (several MB at 12 megapixels). */
    static byte[] photo(int width, int height) {
        BufferedImage image = picture(width, height);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = image.getRGB(x, y);
                int noise = random.nextInt(64) - 32;
                int r = Math.max(0, Math.min(255, ((base >> 16) & 0xFF) + noise));
                int g = Math.max(0, Math.min(255, ((base >> 8) & 0xFF) + noise));
                int b = Math.max(0, Math.min(255, (base & 0xFF) + noise));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return encode(image, "jpg");
    }

    /**
     * A small PNG whose header claims {@code width} × {@code height} pixels (a "decompression bomb"): valid up to its
     * header checksum, far too large to decode.
     */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = png(8, 8);
        // IHDR data starts at byte 16 (8 signature, 4 length, 4 type); width and height are its first 8 bytes.
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 4 + 13);
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /** A JPEG with a comment segment (COM) right after its start: metadata that processing must remove. */
    static byte[] jpegWithComment(int width, int height) {
        byte[] jpeg = encode(picture(width, height), "jpg");
        byte[] text = SECRET_COMMENT.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        int length = text.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(text, 0, text.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** An H.264 MP4 of {@code seconds} at 5 frames per second, made with JCodec's encoder. */
    static byte[] video(int seconds) {
        try {
            Path file = Files.createTempFile("sample", ".mp4");
            AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), 5);
            for (int frame = 0; frame < seconds * 5; frame++) {
                encoder.encodeImage(picture(160, 120));
            }
            encoder.finish();
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** An MP3 of {@code frames} silent frames (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono): 1152 samples each. */
    static byte[] mp3(int frames) {
        int frameLength = 144 * 128000 / 44100;
        byte[] bytes = new byte[frames * frameLength];
        for (int frame = 0; frame < frames; frame++) {
            int at = frame * frameLength;
            bytes[at] = (byte) 0xFF;
            bytes[at + 1] = (byte) 0xFB;
            bytes[at + 2] = (byte) 0x90;
            bytes[at + 3] = (byte) 0xC0;
        }
        return bytes;
    }

    /** A WAVE file of silence, {@code millis} long at 8 kHz. */
    static byte[] wave(int millis) {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        int frames = 8 * millis;
        byte[] samples = new byte[frames * 2];
        try (AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(samples), format, frames)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
