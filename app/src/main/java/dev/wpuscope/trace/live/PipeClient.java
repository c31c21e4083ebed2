package dev.wpuscope.trace.live;

/**
 * One tracer client of the pipe server.
 *
 * @param id          1, 2, ... in the order clients connected
 * @param description what the transport says about it, e.g. {@code pipe client pid 4242}
 */
public record PipeClient(long id, String description) {

    @Override
    public String toString() {
        return "client " + id + " (" + description + ")";
    }
}
