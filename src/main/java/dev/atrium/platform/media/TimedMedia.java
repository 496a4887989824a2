package dev.atrium.platform.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jcodec.scale.AWTUtil;

/**
 * Video and audio: the duration, and a poster image for video, with what pure Java on Maven Central can read.
 * MP4 and QuickTime (video and M4A audio) through JCodec's demuxer, posters from H.264 video through its decoder
 * (the first second's frame, as a JPEG); MP3 through jaudiotagger; WAVE through the JDK. What none of them reads —
 * Ogg and WebM durations, posters of other codecs — is said in the medium's {@code note}; the medium is still ready (the file is
 * sound and can be played), never shown with a duration or poster it does not have.
 */
@ApplicationScoped
public class TimedMedia {

    static final String POSTER = "poster";

    @Inject
    ObjectStorage storage;

    MediaProcessing.Processed process(MediaItem item, Path original, Path work, UUID tenant)
            throws IOException, UnprocessableMediaException {
        String type = item.contentType();
        if (type.equals("video/mp4") || type.equals("video/quicktime") || type.equals("audio/mp4")) {
            return isoMedia(item, original, work, tenant);
        }
        if (type.equals("audio/mpeg")) {
            return new MediaProcessing.Processed(null, null, mp3Duration(original, work), List.of(), item.sizeBytes());
        }
        if (type.equals("audio/vnd.wave")) {
            return new MediaProcessing.Processed(null, null, waveDuration(original), List.of(), item.sizeBytes());
        }
        return new MediaProcessing.Processed(null, null, null, List.of(), item.sizeBytes())
                .noting("no duration: " + type + " has no reader among the server's libraries");
    }

    private MediaProcessing.Processed isoMedia(MediaItem item, Path original, Path work, UUID tenant)
            throws IOException, UnprocessableMediaException {
        double seconds;
        DemuxerTrack video;
        try (SeekableByteChannel channel = NIOUtils.readableChannel(original.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            video = demuxer.getVideoTrack();
            DemuxerTrack track = video != null
                    ? video
                    : demuxer.getAudioTracks().stream().findFirst().orElse(null);
            if (track == null) {
                throw new UnprocessableMediaException("the file holds neither a video nor an audio track");
            }
            seconds = track.getMeta().getTotalDuration();
        } catch (RuntimeException unreadable) {
            throw new UnprocessableMediaException("the file cannot be read as MP4: " + unreadable.getMessage());
        }
        long durationMs = Math.round(seconds * 1000);
        if (item.kind() != MediaKind.VIDEO || video == null) {
            return new MediaProcessing.Processed(null, null, durationMs, List.of(), item.sizeBytes());
        }
        try {
            Picture frame = FrameGrab.getFrameAtSec(original.toFile(), Math.min(1.0, seconds / 2));
            BufferedImage poster = AWTUtil.toBufferedImage(frame);
            Path file = work.resolve(POSTER);
            ImageIO.write(poster, "jpg", file.toFile());
            storage.put(item.key(tenant, POSTER), file, "image/jpeg");
            return new MediaProcessing.Processed(
                    poster.getWidth(),
                    poster.getHeight(),
                    durationMs,
                    List.of(POSTER),
                    item.sizeBytes() + Files.size(file));
        } catch (JCodecException | RuntimeException undecodable) {
            return new MediaProcessing.Processed(null, null, durationMs, List.of(), item.sizeBytes())
                    .noting("no poster: the video's codec has no decoder among the server's libraries (H.264 has)");
        }
    }

    /** MP3 through jaudiotagger, which reads the frames (and a VBR header) rather than trusting a tag. */
    private static Long mp3Duration(Path original, Path work) throws IOException, UnprocessableMediaException {
        Path named = work.resolve("audio.mp3");
        Files.copy(original, named);
        try {
            org.jaudiotagger.audio.AudioFile audio = org.jaudiotagger.audio.AudioFileIO.read(named.toFile());
            return Math.round(audio.getAudioHeader().getPreciseTrackLength() * 1000);
        } catch (org.jaudiotagger.audio.exceptions.CannotReadException
                | org.jaudiotagger.audio.exceptions.InvalidAudioFrameException
                | org.jaudiotagger.tag.TagException
                | org.jaudiotagger.audio.exceptions.ReadOnlyFileException unreadable) {
            throw new UnprocessableMediaException("the MP3 file cannot be read: " + unreadable.getMessage());
        }
    }

    private static Long waveDuration(Path original) throws IOException, UnprocessableMediaException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(original.toFile());
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            return frames > 0 && rate > 0 ? Long.valueOf(Math.round(frames * 1000.0 / rate)) : null;
        } catch (UnsupportedAudioFileException unreadable) {
            throw new UnprocessableMediaException("the WAVE file cannot be read: " + unreadable.getMessage());
        }
    }
}
