package dev.atrium.platform.probe;

/** The failure a probe was asked for. */
final class ProbeFailure extends RuntimeException {

    ProbeFailure(int attempt) {
        super("probe attempt " + attempt + " fails, as the probe asked");
    }
}
