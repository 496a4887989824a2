package dev.atrium.platform.paging;

import dev.atrium.platform.errors.InvalidParameterException;

/**
 * A page of a list, numbered from 0. Every list in the API is bounded: {@code size} defaults to {@value
 * #DEFAULT_SIZE} and may not exceed {@value #MAX_SIZE}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** How far into a list a page may start: no list holds more, and the offset stays within an int. */
    public static final int MAX_OFFSET = 10_000_000;

    public PageRequest {
        if (page < 0) {
            throw new InvalidParameterException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new InvalidParameterException(
                    "page", "must start within the first " + MAX_OFFSET + " items (page × size)");
        }
    }

    /** From optional query parameters; absent values take the defaults. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
