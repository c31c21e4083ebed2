/* wpuhost's named scenarios: what each drives (the sample's own upcall scenario through its
 * SampleRunScenario export, or a conversation through the proc table at the top of the chain,
 * as an application's calls reach it through ws2_32), and the host's books each must leave. */
#ifndef HOST_SCENARIOS_H
#define HOST_SCENARIOS_H

#include "../samples/sample_api.h"
#include "host_catalog.h"

/* A started chain: what ws2_32 keeps of it. */
typedef struct chain {
    host_catalog catalog;
    HMODULE top;
    WSPPROC_TABLE procs;
    sample_run_fn run; /* the base provider's SampleRunScenario, or NULL */
} chain;

typedef enum { NEEDS_NON_IFS, NEEDS_IFS, NEEDS_ANY } scenario_need;

typedef enum {
    DRIVE_SAMPLE,    /* the base provider's SampleRunScenario makes the upcalls */
    DRIVE_LIFECYCLE, /* WSPSocket + WSPCloseSocket through the proc table */
    DRIVE_SPI,       /* the SPI conversations through the proc table (host_spi.h) */
    DRIVE_SPI_MISUSE /* the same, with the sample's WPUSCOPE_SAMPLE_SPI_BUGS */
} scenario_drive;

typedef struct scenario {
    const char *name;
    scenario_need need;
    scenario_drive drive;
    const char *what;
} scenario;

#define HOST_MAX_SCENARIOS 32
extern const scenario host_scenarios[];
extern const int host_scenario_count;

/* Whether "all" runs it (stress and bench are asked for by name). */
BOOL host_scenario_in_all(const scenario *s);
/* The index of the scenario named name, or -1. */
int host_find_scenario(const char *name);
/* Runs one scenario and prints its line; returns 1 passed, 0 failed, -1 not applicable. */
int host_run_scenario(chain *c, BOOL ifs, const scenario *s, const sample_env *env);

#endif
