package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The store's unboxed map answers as a HashMap does, through growth, removals that shift runs back, and purges. */
class LongIntMapTest {

    private static int answer(Integer value) {
        return value == null ? LongIntMap.ABSENT : value;
    }

    @Test
    void randomOperationsAnswerAsAHashMapDoes() {
        Random random = new Random(13);
        LongIntMap map = new LongIntMap();
        Map<Long, Integer> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // few distinct keys, high bits set like the store's (process << 32 | call id): long runs, many removals
            long key = (long) random.nextInt(4) << 32 | random.nextInt(300);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertEquals(answer(expected.put(key, step)), map.put(key, step), "put at " + step);
                case 2 -> assertEquals(answer(expected.remove(key)), map.remove(key), "remove at " + step);
                default -> assertEquals(answer(expected.get(key)), map.get(key), "get at " + step);
            }
            assertEquals(expected.size(), map.size());
        }
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
        }
    }

    @Test
    void removingKeysLeavesEveryOtherFindable() {
        LongIntMap map = new LongIntMap();
        for (int process = 0; process < 5; process++) {
            for (int call = 0; call < 1000; call++) {
                map.put((long) process << 32 | call, process * 1000 + call);
            }
        }
        map.removeKeys(k -> (int) (k >>> 32) == 2);
        assertEquals(4000, map.size());
        for (int process = 0; process < 5; process++) {
            for (int call = 0; call < 1000; call++) {
                assertEquals(process == 2 ? LongIntMap.ABSENT : process * 1000 + call,
                        map.get((long) process << 32 | call));
            }
        }
    }
}
