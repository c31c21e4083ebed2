# Toolchain choice, included by Makefile (host build) and windows.mk (mingw-w64 cross builds).
# Override on the command line, e.g. make CROSS64=x86_64-w64-mingw32.static-
HOST_CC ?= gcc
CROSS64 ?= x86_64-w64-mingw32-
CROSS86 ?= i686-w64-mingw32-
CC64 ?= $(CROSS64)gcc
CC86 ?= $(CROSS86)gcc

# Flags for the portable core and its tests, shared by all builds.
CORE_STD := -std=c11
CORE_WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CORE_OPT ?= -O2

# The portable core, for every build that links it (host tests, wputrace.dll, tools).
CORE_DIR := $(dir $(lastword $(MAKEFILE_LIST)))core
CORE_SRCS := $(addprefix $(CORE_DIR)/,wpt_crc32.c wpt_names.c wpt_ring.c wpt_record.c wpt_call.c \
               wpt_encode.c wpt_decode.c wpt_flusher.c wpt_clock.c)
CORE_HDRS := $(wildcard $(CORE_DIR)/*.h)

# One Wine prefix for every Wine run of this directory (its first start takes ~20 s).
WPT_WINEPREFIX ?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))build/wineprefix)
# Debian's `wine` launcher starts the 32-bit loader first; on a kernel that cannot run 32-bit
# programs (no IA-32 emulation) that fails for every program, so 64-bit programs then need the
# 64-bit loader itself (the x86 tests are then skipped, saying why).
ifndef WINE
WINE := $(shell if wine --version >/dev/null 2>&1; then echo wine; \
                elif [ -x /usr/lib/wine/wine64 ]; then echo /usr/lib/wine/wine64; \
                else echo wine; fi)
endif
