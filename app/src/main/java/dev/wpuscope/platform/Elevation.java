package dev.wpuscope.platform;

/** Whether this process may write the Winsock catalog (an elevated administrator token on Windows). */
public interface Elevation {

    boolean isElevated();
}
