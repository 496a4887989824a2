package dev.atrium.platform.similarity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A text's embedding, of unit length (L2 norm 1) so that the cosine of two vectors is their dot product, or all zeros
 * for a text with nothing to embed (its cosine with anything is 0). Immutable: the values are copied in and out.
 *
 * <p>Stored as {@link #toBytes()}: the values as little-endian float32, 4 bytes each, nothing else (1,536 bytes for
 * 384 dimensions), for a PostgreSQL {@code bytea} column; the dimension is the length divided by 4.
 */
public record TextVector(float[] values) {

    /** How far a stored vector's length may be from 1 (float32 rounding) before it is taken as not one of ours. */
    private static final double NORM_TOLERANCE = 1e-3;

    /** Keeps {@code values} as they are; they must already be of unit length, or all zeros. */
    public TextVector {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("A vector needs at least one value");
        }
        values = values.clone();
        double norm = norm(values);
        if (norm != 0 && Math.abs(norm - 1) > NORM_TOLERANCE) {
            throw new IllegalArgumentException("A vector must be of unit length or zero, not of length " + norm);
        }
    }

    /** A vector pointing where {@code raw} points, scaled to unit length (all zeros stay zeros). */
    public static TextVector normalised(float[] raw) {
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("A vector needs at least one value");
        }
        double norm = norm(raw);
        float[] unit = new float[raw.length];
        if (norm != 0) {
            for (int i = 0; i < raw.length; i++) {
                unit[i] = (float) (raw[i] / norm);
            }
        }
        return new TextVector(unit);
    }

    /** The vector of a text with nothing in it. */
    public static TextVector zero(int dimension) {
        return new TextVector(new float[dimension]);
    }

    /** Reads what {@link #toBytes()} wrote; refuses a length that is not whole floats and values that are not ours. */
    public static TextVector fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("A stored vector is a non-empty run of 4-byte floats, not "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new TextVector(values);
    }

    /** Like {@link #fromBytes(byte[])}, and refuses a vector of another dimension (another model's, or damaged). */
    public static TextVector fromBytes(byte[] bytes, int dimension) {
        TextVector vector = fromBytes(bytes);
        if (vector.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "Expected a vector of " + dimension + " dimensions, found " + vector.dimension());
        }
        return vector;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public int dimension() {
        return values.length;
    }

    public boolean isZero() {
        return norm(values) == 0;
    }

    /**
     * The cosine of the angle between the two texts' vectors, from -1 to 1 (1: the same meaning; around 0: unrelated);
     * 0 when either is the zero vector. Vectors of different dimensions come from different models and are refused.
     */
    public double cosine(TextVector other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException(
                    "Cannot compare a vector of " + values.length + " dimensions with one of " + other.values.length);
        }
        double dot = 0;
        for (int i = 0; i < values.length; i++) {
            dot += values[i] * other.values[i];
        }
        return Math.max(-1, Math.min(1, dot));
    }

    private static double norm(float[] values) {
        double sum = 0;
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("A vector's values must be finite numbers");
            }
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextVector vector && Arrays.equals(values, vector.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TextVector[" + values.length + " dimensions]";
    }
}
