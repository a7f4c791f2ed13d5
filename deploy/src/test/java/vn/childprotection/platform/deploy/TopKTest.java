package vn.childprotection.platform.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTest {

    private record Item(int key, int id) {
    }

    private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

    @Test
    void givesWhatAStableSortAndALimitGiveTiesInTheOrderRead() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            int distinctKeys = 1 + random.nextInt(20); // many ties
            List<Item> items = IntStream.range(0, n).mapToObj(i -> new Item(random.nextInt(distinctKeys), i)).toList();
            int k = random.nextInt(n + 5);
            List<Item> sorted = new ArrayList<>(items);
            sorted.sort(BY_KEY); // List.sort is stable

            assertThat(TopK.first(k, BY_KEY, items.stream()))
                    .as("n %d, k %d", n, k).containsExactlyElementsOf(sorted.subList(0, Math.min(k, n)));
            assertThat(TopK.first(k, BY_KEY.reversed(), items.stream()))
                    .containsExactlyElementsOf(items.stream().sorted(BY_KEY.reversed()).limit(k).toList());
        }
    }

    @Test
    void keepsNothingForNoRoom() {
        assertThat(TopK.first(0, BY_KEY, List.of(new Item(1, 1)).stream())).isEmpty();
    }
}
