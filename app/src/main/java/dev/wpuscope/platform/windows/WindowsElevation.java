package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.win32.StdCallLibrary;
import dev.wpuscope.platform.Elevation;

/** Elevation on Windows: IsUserAnAdmin (shell32), true only when the process runs with an elevated token. */
public final class WindowsElevation implements Elevation {

    interface Shell32Admin extends StdCallLibrary {
        boolean IsUserAnAdmin();
    }

    @Override
    public boolean isElevated() {
        return Native.load("shell32", Shell32Admin.class).IsUserAnAdmin();
    }
}
