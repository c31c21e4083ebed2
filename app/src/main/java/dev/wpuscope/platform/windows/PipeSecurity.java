package dev.wpuscope.platform.windows;

/**
 * The DACL of the trace pipe, as SDDL.
 *
 * <p>Who may connect, and why:
 * <ul>
 *   <li><b>The user running wpuscope</b> (full access): the traced applications of that user write to the
 *       pipe. A process of the same user can already read and write wpuscope's memory, so granting it the
 *       pipe gives away nothing.</li>
 *   <li><b>LocalSystem and Administrators</b> (full access): services running as SYSTEM and elevated
 *       programs are traced too, and both could take over the pipe (or the machine) anyway.</li>
 *   <li><b>Nobody else</b>: processes of other users, and services running as LocalService or
 *       NetworkService, cannot connect. They could otherwise inject forged events into the user's view, or
 *       flood it. To trace them, use the file sink (a capture file, opened in wpuscope afterwards).</li>
 *   <li><b>No network access</b>: an explicit deny for NETWORK logons comes first (deny ACEs precede allow
 *       ACEs), on top of {@code PIPE_REJECT_REMOTE_CLIENTS}.</li>
 *   <li>{@code P} (protected): no ACEs are inherited from elsewhere, so the list above is all there is.</li>
 * </ul>
 * Low-integrity (sandboxed) processes cannot write either: a pipe without an explicit label has the
 * default medium mandatory label with no-write-up. The pipe is also created with
 * {@code FILE_FLAG_FIRST_PIPE_INSTANCE}, so another process that created the name first (to capture the
 * tracers' events) makes wpuscope fail loudly instead of sharing the name with it.
 */
public final class PipeSecurity {

    private PipeSecurity() {
    }

    /** The SDDL for a pipe served by the user with this SID (e.g. {@code S-1-5-21-...-1001}). */
    public static String sddl(String userSid) {
        if (!userSid.matches("S-1(-\\d+)+")) {
            throw new IllegalArgumentException("not a SID string: " + userSid);
        }
        return "D:P(D;;GA;;;NU)(A;;GA;;;SY)(A;;GA;;;BA)(A;;GA;;;" + userSid + ")";
    }
}
