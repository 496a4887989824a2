package dev.atrium.platform.live;

/**
 * Why the server ends a live connection: the {@code reason} in the last frame and the WebSocket close code (4000 and
 * up are the application's own; 4401 and 4403 mirror HTTP's 401 and 403). An event stream just ends after the frame.
 */
record LiveClose(int code, String reason) {

    static final LiveClose AUTHENTICATION_TIMEOUT = new LiveClose(4401, "authentication-required");
    static final LiveClose TOKEN_EXPIRED = new LiveClose(4401, "token-expired");
    static final LiveClose TOO_SLOW = new LiveClose(4008, "too-slow");
    static final LiveClose SHUTTING_DOWN = new LiveClose(1001, "server-shutting-down");

    /** The server could not keep this connection up to date (it lost track of the log): reconnect and resume. */
    static final LiveClose RESUME = new LiveClose(1012, "reconnect-and-resume");

    static LiveClose refused(int status, String reason) {
        return new LiveClose(4000 + status, reason);
    }
}
