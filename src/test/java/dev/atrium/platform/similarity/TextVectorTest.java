package dev.atrium.platform.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextVectorTest {

    @Test
    void normalisedVectorsHaveUnitLengthSoTheCosineIsTheDotProduct() {
        TextVector a = TextVector.normalised(new float[] {3, 4});
        TextVector b = TextVector.normalised(new float[] {4, 3});

        assertArrayEquals(new float[] {0.6f, 0.8f}, a.values(), 1e-6f);
        assertEquals(1.0, a.cosine(a), 1e-6);
        assertEquals(0.96, a.cosine(b), 1e-6);
        assertEquals(-1.0, a.cosine(TextVector.normalised(new float[] {-3, -4})), 1e-6);
    }

    @Test
    void bytesRoundTripExactlyAsLittleEndianFloats() {
        TextVector vector = randomUnitVector(384, new Random(42));

        byte[] bytes = vector.toBytes();

        assertEquals(384 * 4, bytes.length);
        assertEquals(
                vector.values()[0],
                ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat(),
                "the first value is the first four bytes, least significant first");
        assertEquals(vector, TextVector.fromBytes(bytes));
        assertEquals(vector, TextVector.fromBytes(bytes, 384));
    }

    @Test
    void bytesThatAreNotWholeFloatsOrOfAnotherDimensionAreRefused() {
        byte[] bytes = randomUnitVector(384, new Random(1)).toBytes();

        assertThrows(IllegalArgumentException.class, () -> TextVector.fromBytes(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> TextVector.fromBytes(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> TextVector.fromBytes(java.util.Arrays.copyOf(bytes, 1535)));
        assertThrows(IllegalArgumentException.class, () -> TextVector.fromBytes(bytes, 768));
    }

    @Test
    void storedBytesThatAreNotAUnitVectorAreRefused() {
        byte[] bytes = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(3)
                .putFloat(4)
                .array();

        assertThrows(IllegalArgumentException.class, () -> TextVector.fromBytes(bytes));
        assertThrows(IllegalArgumentException.class, () -> new TextVector(new float[] {Float.NaN, 0}));
    }

    @Test
    void theZeroVectorIsSimilarToNothing() {
        TextVector zero = TextVector.zero(384);

        assertTrue(zero.isZero());
        assertEquals(0.0, zero.cosine(randomUnitVector(384, new Random(3))));
        assertEquals(0.0, zero.cosine(zero));
        assertEquals(zero, TextVector.fromBytes(zero.toBytes()));
        assertEquals(zero, TextVector.normalised(new float[384]));
    }

    @Test
    void vectorsOfDifferentDimensionsCannotBeCompared() {
        TextVector small = TextVector.normalised(new float[] {1, 0});
        TextVector large = TextVector.normalised(new float[] {1, 0, 0});

        assertThrows(IllegalArgumentException.class, () -> small.cosine(large));
    }

    @Test
    void valuesAreCopiedInAndOut() {
        float[] values = {1, 0};
        TextVector vector = new TextVector(values);

        values[0] = 0;
        vector.values()[1] = 5;

        assertArrayEquals(new float[] {1, 0}, vector.values());
    }

    static TextVector randomUnitVector(int dimension, Random random) {
        float[] values = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return TextVector.normalised(values);
    }
}
