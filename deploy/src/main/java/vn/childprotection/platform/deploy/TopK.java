package vn.childprotection.platform.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The first {@code k} elements of a stream in a comparator's order, read once with at most {@code k} held: what a
 * stable sort followed by a limit gives, ties in the order they were read, at one comparison per element that does
 * not make it (against the worst one kept) instead of a sort of them all.
 */
final class TopK {

    private TopK() {
    }

    static <T> List<T> first(int k, Comparator<? super T> order, Stream<T> elements) {
        if (k <= 0) {
            return List.of();
        }
        // a tie goes to the one read first, so a later element never displaces an equal one
        Comparator<Ranked<T>> ranking = Comparator.<Ranked<T>, T>comparing(Ranked::value, order)
                .thenComparingLong(Ranked::sequence);
        PriorityQueue<Ranked<T>> kept = new PriorityQueue<>(Math.min(k, 1024) + 1, ranking.reversed());
        long[] read = {0};
        elements.forEachOrdered(element -> {
            Ranked<T> ranked = new Ranked<>(element, read[0]++);
            if (kept.size() < k) {
                kept.add(ranked);
            } else if (ranking.compare(ranked, kept.peek()) < 0) {
                kept.poll();
                kept.add(ranked);
            }
        });
        List<Ranked<T>> ordered = new ArrayList<>(kept);
        ordered.sort(ranking);
        List<T> result = new ArrayList<>(ordered.size());
        ordered.forEach(ranked -> result.add(ranked.value()));
        return result;
    }

    private record Ranked<T>(T value, long sequence) {
    }
}
