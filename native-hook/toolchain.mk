# Toolchain choice, included by Makefile (host build) and windows.mk (mingw-w64 cross builds).
# Override on the command line, e.g. make CROSS64=x86_64-w64-mingw32.static-
HOST_CC ?= gcc
CROSS64 ?= x86_64-w64-mingw32-
CROSS86 ?= i686-w64-mingw32-
CC64 ?= $(CROSS64)gcc
CC86 ?= $(CROSS86)gcc
# Wine: the x64 loader is wine64 on some systems, wine on others.
WINE64 ?= $(shell command -v wine64 2>/dev/null || command -v wine 2>/dev/null)
WINE ?= $(shell command -v wine 2>/dev/null)

# Flags for the portable core and its tests, shared by all builds.
CORE_STD := -std=c11
CORE_WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CORE_OPT ?= -O2
