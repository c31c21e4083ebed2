package dev.wpuscope.trace.store;

import java.util.List;

/**
 * The call sites of a store, each kept once with its id (its index): every append looks its site up, so a lookup
 * allocates nothing unless the site is new (open addressing over the ids, no boxing, no key object). One writer, any
 * number of readers of the sites by id.
 */
final class SiteTable {

    private final PublishedList<Site> sites = new PublishedList<>();
    /** Writer only: a site's id + 1 per slot, 0 for a free slot; never more than half full. */
    private int[] slots = new int[64];

    /** Writer only: the id of the site, added if new. */
    int idOf(int process, int tid, int module, long callerAddress) {
        int mask = slots.length - 1;
        for (int slot = slotOf(process, tid, module, callerAddress, mask); ; slot = slot + 1 & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return add(new Site(process, tid, module, callerAddress), slot);
            }
            if (sites.get(id).is(process, tid, module, callerAddress)) {
                return id;
            }
        }
    }

    private int add(Site site, int freeSlot) {
        int id = sites.add(site);
        slots[freeSlot] = id + 1;
        if (2 * sites.size() > slots.length) {
            rehash(slots.length * 2);
        }
        return id;
    }

    private void rehash(int length) {
        int[] grown = new int[length];
        int mask = length - 1;
        for (int id = 0; id < sites.size(); id++) {
            Site s = sites.get(id);
            int slot = slotOf(s.process(), s.tid(), s.module(), s.callerAddress(), mask);
            while (grown[slot] != 0) {
                slot = slot + 1 & mask;
            }
            grown[slot] = id + 1;
        }
        slots = grown;
    }

    private static int slotOf(int process, int tid, int module, long callerAddress, int mask) {
        int h = ((process * 31 + tid) * 31 + module) * 31 + Long.hashCode(callerAddress);
        return (h * 0x9E37_79B9 ^ h >>> 16) & mask;
    }

    Site get(int id) {
        return sites.get(id);
    }

    /** The sites added so far, by id. */
    List<Site> snapshot() {
        return sites.snapshot();
    }
}
