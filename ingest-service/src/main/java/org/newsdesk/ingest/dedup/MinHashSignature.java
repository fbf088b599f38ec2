package org.newsdesk.ingest.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A MinHash signature: one 32-bit minimum per hash function. The fraction of equal positions in two signatures
 * estimates the Jaccard similarity of the two texts' shingle sets.
 * <p>
 * Stored as {@link #toBytes()} (big-endian, 4 bytes per value: 512 bytes for 128 hashes) and read back with
 * {@link #fromBytes(byte[])}. Immutable; signatures from different {@link MinHasher} settings must never be compared.
 */
public final class MinHashSignature {

    private final int[] values;

    private MinHashSignature(int[] values) {
        this.values = values;
    }

    /** Wraps a copy of the values (for signatures stored as an {@code int[]} or a Postgres {@code integer[]}). */
    public static MinHashSignature of(int[] values) {
        return new MinHashSignature(values.clone());
    }

    /** Takes ownership of the array: only for {@link MinHasher}, which never touches it again. */
    static MinHashSignature wrap(int[] values) {
        return new MinHashSignature(values);
    }

    /** Reads a signature written by {@link #toBytes()}. */
    public static MinHashSignature fromBytes(byte[] bytes) {
        if (bytes.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a MinHash signature is a multiple of 4 bytes, got " + bytes.length);
        }
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(values);
        return new MinHashSignature(values);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    public int[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    int valueAt(int index) {
        return values[index];
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets, 0 to 1. */
    public double estimateJaccard(MinHashSignature other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("signatures of different sizes: " + values.length + " and " + other.values.length);
        }
        int equal = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                equal++;
            }
        }
        return (double) equal / values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature[" + values.length + " values]";
    }
}
