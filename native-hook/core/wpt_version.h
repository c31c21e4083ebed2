/* The tracer's version: the one place its numbers are written. Used by the trace format (the
 * tracer_version of PROCESS_HELLO) and by the VERSIONINFO resource of wputrace.dll (dll/wputrace.rc),
 * so this header holds preprocessor definitions only (windres reads it too). */
#ifndef WPT_VERSION_H
#define WPT_VERSION_H

#define WPT_VERSION_MAJOR 0
#define WPT_VERSION_MINOR 1
#define WPT_VERSION_PATCH 0

#define WPT_VERSION_STR_(x) #x
#define WPT_VERSION_STR(x) WPT_VERSION_STR_(x)
/* "0.1.0" */
#define WPT_VERSION_TEXT \
    WPT_VERSION_STR(WPT_VERSION_MAJOR) "." WPT_VERSION_STR(WPT_VERSION_MINOR) "." WPT_VERSION_STR(WPT_VERSION_PATCH)

#endif
