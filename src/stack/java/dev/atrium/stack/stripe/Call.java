package dev.atrium.stack.stripe;

import java.util.List;

/**
 * One API request as an operation sees it: the values in its path ({@code /v1/customers/{id}}), its parameters (the
 * form body of a POST, the query of a GET or DELETE).
 */
record Call(String method, String path, List<String> pathValues, Parameters params) {

    /** The first value in the path, the id of the object the request is about. */
    String id() {
        return pathValues.get(0);
    }

    String pathValue(int index) {
        return pathValues.get(index);
    }
}
