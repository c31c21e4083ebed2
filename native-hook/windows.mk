# Windows parts of native-hook, cross-built with mingw-w64 for x64 and x86:
#   build/<arch>/wputrace.dll       the tracing layered provider
#   build/<arch>/wpuhost.exe        the provider test host (+ libwpuhost.a, its import library)
#   build/<arch>/sample_nonifs.dll  sample non-IFS base provider
#   build/<arch>/sample_ifs.dll     sample IFS base provider
#   build/<arch>/sample_lsp.dll     sample layered (non-IFS) LSP; sample_lsp2.dll: a second
#                                   build under another GUID, for stacking two LSPs
#   build/<arch>/pipe_server.exe    test helper: a named-pipe sink that comes and goes
# Included by Makefile (targets windows, windows-check) or run alone: make -f windows.mk [check].
WIN_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
-include $(WIN_DIR)/toolchain.mk
CC64 ?= x86_64-w64-mingw32-gcc
CC86 ?= i686-w64-mingw32-gcc
HOST_CC ?= gcc
WINE ?= wine
WPT_WINEPREFIX ?= $(abspath $(WIN_DIR)/build/wineprefix)
CROSS64 ?= x86_64-w64-mingw32-
CROSS86 ?= i686-w64-mingw32-
WIN_BUILD := $(WIN_DIR)/build
CORE_DIR ?= $(WIN_DIR)/core
CORE_WARN ?= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
WIN_CFLAGS := -std=c11 -O2 $(CORE_WARN) -Wno-cast-function-type \
	-D_WIN32_WINNT=0x0601 -DUNICODE -D_UNICODE -I$(CORE_DIR)
WIN_LDFLAGS := -static-libgcc -Wl,--kill-at
CORE_SRCS ?= $(wildcard $(CORE_DIR)/*.c)
CORE_SRC := $(filter-out %/wpt_decode.c,$(CORE_SRCS))
DLL_SRC := $(wildcard $(WIN_DIR)/dll/*.c)
DLL_RC := $(WIN_DIR)/dll/wputrace.rc
HOST_SRC := $(wildcard $(WIN_DIR)/host/*.c)
SAMPLE_SRC := $(addprefix $(WIN_DIR)/samples/,sample_provider.c sample_unsupported.c \
	sample_net.c sample_worker.c sample_spi.c sample_spi_data.c sample_spi_notify.c)
LSP_SRC := $(addprefix $(WIN_DIR)/samples/,sample_lsp.c sample_lsp_calls.c sample_lsp_async.c \
	sample_records.c)
WIN_HEADERS := $(wildcard $(CORE_DIR)/*.h $(WIN_DIR)/dll/*.h $(WIN_DIR)/host/*.h \
	$(WIN_DIR)/samples/*.h)

define WIN_ARCH
$(1)_OUT := $(WIN_BUILD)/$(1)
$(1)_BINS := $$($(1)_OUT)/wputrace.dll $$($(1)_OUT)/wpuhost.exe $$($(1)_OUT)/sample_nonifs.dll \
	$$($(1)_OUT)/sample_ifs.dll $$($(1)_OUT)/sample_lsp.dll $$($(1)_OUT)/sample_lsp2.dll \
	$$($(1)_OUT)/pipe_server.exe $$($(1)_OUT)/bitness_probe.exe $$($(1)_OUT)/guarded_read_check.exe

# The VERSIONINFO resource (numbers from core/wpt_version.h), compiled for this architecture.
$$($(1)_OUT)/wputrace_rc.o: $(DLL_RC) $(CORE_DIR)/wpt_version.h
	@mkdir -p $$(@D)
	$(3)windres -I$(CORE_DIR) -o $$@ $(DLL_RC)

$$($(1)_OUT)/wputrace.dll: $(DLL_SRC) $(CORE_SRC) $(WIN_HEADERS) $$($(1)_OUT)/wputrace_rc.o
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -shared -o $$@ $(DLL_SRC) $(CORE_SRC) $$($(1)_OUT)/wputrace_rc.o $(WIN_LDFLAGS) \
		-lws2_32 -luser32

$$($(1)_OUT)/wpuhost.exe: $(HOST_SRC) $(WIN_HEADERS)
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -municode -o $$@ $(HOST_SRC) $(WIN_LDFLAGS) -lws2_32 -lole32 -luser32

# Import library of wpuhost.exe's export, for the samples (x86: stdcall-decorated symbol,
# undecorated export name).
$$($(1)_OUT)/libwpuhost.a: $$($(1)_OUT)/wpuhost.exe
	printf 'LIBRARY wpuhost.exe\nEXPORTS\nWPUCompleteOverlappedRequest$(4)\n' >$$($(1)_OUT)/wpuhost.def
	$(3)dlltool -k -d $$($(1)_OUT)/wpuhost.def -l $$@

$$($(1)_OUT)/sample_nonifs.dll: $(SAMPLE_SRC) $$($(1)_OUT)/libwpuhost.a $(WIN_HEADERS)
	$(2) $(WIN_CFLAGS) -shared -DSAMPLE_IFS=0 -o $$@ $(SAMPLE_SRC) $(WIN_LDFLAGS) \
		-L$$($(1)_OUT) -lwpuhost

$$($(1)_OUT)/sample_ifs.dll: $(SAMPLE_SRC) $$($(1)_OUT)/libwpuhost.a $(WIN_HEADERS)
	$(2) $(WIN_CFLAGS) -shared -DSAMPLE_IFS=1 -o $$@ $(SAMPLE_SRC) $(WIN_LDFLAGS) \
		-L$$($(1)_OUT) -lwpuhost

$$($(1)_OUT)/sample_lsp.dll: $(LSP_SRC) $(WIN_HEADERS)
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -shared -DSAMPLE_LSP_INSTANCE=1 -o $$@ $(LSP_SRC) $(WIN_LDFLAGS) -lws2_32 -luser32

$$($(1)_OUT)/sample_lsp2.dll: $(LSP_SRC) $(WIN_HEADERS)
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -shared -DSAMPLE_LSP_INSTANCE=2 -o $$@ $(LSP_SRC) $(WIN_LDFLAGS) -lws2_32 -luser32

$$($(1)_OUT)/pipe_server.exe: $(WIN_DIR)/tests/pipe_server.c $(WIN_HEADERS)
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -municode -o $$@ $$< $(WIN_LDFLAGS)

$$($(1)_OUT)/bitness_probe.exe: $(WIN_DIR)/tests/bitness_probe.c
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -o $$@ $$< $(WIN_LDFLAGS)

$$($(1)_OUT)/guarded_read_check.exe: $(WIN_DIR)/tests/guarded_read_check.c \
		$(WIN_DIR)/dll/guarded_read.c $(WIN_DIR)/dll/guarded_read.h
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -I$(WIN_DIR)/dll -o $$@ $(WIN_DIR)/tests/guarded_read_check.c \
		$(WIN_DIR)/dll/guarded_read.c $(WIN_LDFLAGS)

# What each Windows call of a thunk costs (tests/bench_wine.sh).
$$($(1)_OUT)/wine_pieces.exe: $(WIN_DIR)/bench/wine_pieces.c $(WIN_DIR)/dll/teb.h
	@mkdir -p $$(@D)
	$(2) $(WIN_CFLAGS) -I$(WIN_DIR)/dll -o $$@ $$< $(WIN_LDFLAGS)
endef

$(eval $(call WIN_ARCH,x64,$(CC64),$(CROSS64),))
$(eval $(call WIN_ARCH,x86,$(CC86),$(CROSS86),@20))

.PHONY: windows windows-check windows-capture windows-bench
windows: $(x64_BINS) $(x86_BINS)

# The capture decoder the tests use (host gcc).
$(WIN_BUILD)/host/wptdump: $(WIN_DIR)/tools/wptdump.c $(CORE_SRCS) $(wildcard $(CORE_DIR)/*.h)
	@mkdir -p $(@D)
	$(HOST_CC) -std=c11 -O2 -I$(CORE_DIR) -o $@ $< $(CORE_SRCS)

# Wine integration tests (x64 always, x86 when wine32 runs); last lines "wine: N passed, 0 failed"
# and "wine downcalls: N passed, 0 failed".
windows-check: windows $(WIN_BUILD)/host/wptdump
	WINE=$(WINE) WPT_WINEPREFIX=$(WPT_WINEPREFIX) python3 $(WIN_DIR)/tests/wine_tests.py \
		$(WIN_BUILD) $(WIN_BUILD)/host/wptdump $(WIN_DIR)/../resources/captures
	WINE=$(WINE) WPT_WINEPREFIX=$(WPT_WINEPREFIX) python3 $(WIN_DIR)/tests/wine_downcalls.py \
		$(WIN_BUILD) $(WIN_BUILD)/host/wptdump $(WIN_DIR)/../resources/captures

# The tracer's added cost per upcall under Wine (untraced / file sink / pipe disconnected), and
# what each Windows call of a thunk costs there.
windows-bench: windows $(x64_OUT)/wine_pieces.exe $(x86_OUT)/wine_pieces.exe
	WINE=$(WINE) WPT_WINEPREFIX=$(WPT_WINEPREFIX) $(WIN_DIR)/tests/bench_wine.sh $(WIN_BUILD)

# Regenerates resources/captures/scenario-all-x64.wputrace from the real tracer under Wine.
windows-capture: windows
	$(WIN_DIR)/tests/record_capture.sh $(WIN_BUILD) $(WIN_DIR)/../resources/captures

ifeq ($(notdir $(firstword $(MAKEFILE_LIST))),windows.mk)
.DEFAULT_GOAL := windows
.PHONY: all check capture bench-wine clean
all: windows
bench-wine: windows-bench
check: windows-check
capture: windows-capture
clean:
	rm -rf $(x64_OUT) $(x86_OUT) $(WIN_BUILD)/wine-tests
endif
