package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.Upcall;

/** Whether a provider must use an upcall, per the seed's table ("Upcalls exposed by ws2_32", DESIGN.md §2). */
public enum UpcallRequirement {
    REQUIRED("required"),
    REQUIRED_FOR_NON_IFS("required for non-IFS providers"),
    REQUIRED_FOR_IFS("required for IFS providers"),
    OPTIONAL("optional: a Windows call can be used instead"),
    NOT_LISTED("no requirement stated");

    private final String label;

    UpcallRequirement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static UpcallRequirement of(Upcall upcall) {
        return switch (upcall) {
            case WPU_CLOSE_SOCKET_HANDLE, WPU_GET_PROVIDER_PATH, WPU_POST_MESSAGE, WPU_QUERY_BLOCKING_CALLBACK -> REQUIRED;
            case WPU_CREATE_SOCKET_HANDLE, WPU_QUERY_SOCKET_HANDLE_CONTEXT -> REQUIRED_FOR_NON_IFS;
            case WPU_MODIFY_IFS_HANDLE -> REQUIRED_FOR_IFS;
            case WPU_CLOSE_EVENT, WPU_CREATE_EVENT, WPU_FD_IS_SET, WPU_QUEUE_APC, WPU_RESET_EVENT, WPU_SET_EVENT ->
                    OPTIONAL;
            case WPU_CLOSE_THREAD, WPU_COMPLETE_OVERLAPPED_REQUEST, WPU_OPEN_CURRENT_THREAD -> NOT_LISTED;
        };
    }
}
