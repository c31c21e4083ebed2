package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowWindowTest {
    private final RowIndexList rows = new RowIndexList();
    private final RowWindow window = new RowWindow(rows);

    private void append(int from, int to) {
        int[] batch = IntStream.range(from, to).toArray();
        rows.appendAll(batch, batch.length);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void showsEveryRowWhileTheyFit() {
        window.setCapacity(10);
        append(0, 4);
        assertEquals(range(0, 4), window.shownRows());
        assertEquals(0, window.top());
        assertEquals(0, window.maxTop());
        assertTrue(window.showsEnd());
    }

    @Test
    void followsNewRowsWhileItShowsTheEnd() {
        window.setCapacity(10);
        append(0, 25);
        assertEquals(range(15, 25), window.shownRows());
        append(25, 1_000);
        assertEquals(990, window.top());
        assertEquals(range(990, 1_000), window.shownRows());
        assertEquals(1_000, window.sizeProperty().get());
    }

    @Test
    void scrollingUpStopsFollowingUntilTheEndIsShownAgain() {
        window.setCapacity(10);
        append(0, 100);
        window.scrollBy(-30);
        append(100, 200);
        assertEquals(60, window.top(), "stays where the user scrolled to");
        assertEquals(range(60, 70), window.shownRows());
        window.scrollTo(Integer.MAX_VALUE);
        assertEquals(190, window.top());
        append(200, 205);
        assertEquals(195, window.top(), "follows again");
    }

    @Test
    void aSortedListDoesNotFollow() {
        window.setFollowEnd(false);
        window.setCapacity(10);
        append(0, 100);
        assertEquals(0, window.top());
        assertEquals(range(0, 10), window.shownRows());
        window.setFollowEnd(true);
        assertEquals(90, window.top(), "capture order again: back to the end");
    }

    @Test
    void anEmptiedListStartsFollowingAgain() {
        window.setCapacity(10);
        append(0, 100);
        window.scrollTo(5);
        rows.removeAllRows();
        assertEquals(List.of(), window.shownRows());
        append(0, 50);
        assertEquals(40, window.top());
    }

    @Test
    void revealScrollsAsLittleAsNeeded() {
        window.setFollowEnd(false);
        window.setCapacity(10);
        append(0, 100);
        window.reveal(5);
        assertEquals(0, window.top(), "already on screen");
        window.reveal(14);
        assertEquals(5, window.top(), "last row on screen");
        window.reveal(2);
        assertEquals(2, window.top(), "first row on screen");
        window.scrollBy(-50);
        assertEquals(0, window.top(), "clamped at the start");
    }

    @Test
    void aSmallerViewportKeepsTheEndInView() {
        window.setCapacity(10);
        append(0, 100);
        window.setCapacity(4);
        assertEquals(range(96, 100), window.shownRows());
        window.scrollTo(0);
        window.setCapacity(20);
        assertEquals(range(0, 20), window.shownRows());
        assertFalse(window.showsEnd());
    }

    @Test
    void findsARowOnScreenOrAnywhereInTheList() {
        window.setCapacity(10);
        int[] sorted = {7, 3, 9, 1, 0, 5, 8, 2, 6, 4, 11, 10};
        rows.appendAll(sorted, sorted.length);
        assertEquals(11, window.indexOf(10), "on screen");
        assertEquals(0, window.indexOf(7), "off screen");
        assertEquals(-1, window.indexOf(42));
        assertEquals(9, window.rowAt(2));
    }
}
