package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.reporting.fixtures.BenchmarkTraffic;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rebuild's fold holds in memory per event (README "Rebuild": the basis of
 * {@code reporting.rebuild.max-events-per-pass}). PRINTS the heap the facts and the event-id set retain; asserts only
 * that every event was folded. The events are decoded from their JSON, as a rebuild does, so that no string is shared
 * with a list the test holds.
 * <p>
 * Opt-in: {@code ./mvnw -B -q test -pl reporting-service -Drebuild.benchmark=true -Dtest=FoldMemoryBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; add {@code -Drebuild.benchmark.events=200000} for another size.
 */
@EnabledIfSystemProperty(named = "rebuild.benchmark", matches = "true")
class FoldMemoryBenchmarkTest {

    @Test
    void the_fold_holds_a_few_hundred_bytes_per_event() {
        int minEvents = Integer.getInteger("rebuild.benchmark.events", 100_000);
        BenchmarkTraffic traffic = new BenchmarkTraffic(2027, minEvents, 6L);
        List<byte[]> caseEvents = new ArrayList<>();
        traffic.caseEvents().forEach(event -> caseEvents.add(EventJson.write(event)));
        List<byte[]> notifications = new ArrayList<>();
        traffic.notifications().forEach(event -> notifications.add(EventJson.write(event)));
        int events = caseEvents.size() + notifications.size();

        long before = usedHeapAfterGc();
        FactFold fold = new FactFold(ShippedMaps.AREAS);
        caseEvents.forEach(json -> fold.fold(EventJson.read(json, CaseEvent.class)));
        notifications.forEach(json -> fold.fold(EventJson.read(json, NotificationEvent.class)));
        fold.attachContexts();
        long retained = usedHeapAfterGc() - before;
        long facts = fold.cases().size() + fold.referrals().size() + fold.notifications().size();

        System.out.printf("fold memory: %,d events → %,d facts retain %,d MB: %,d bytes per event, %,d per fact%n",
                events, facts, retained >> 20, retained / events, retained / facts);
        assertThat(fold.duplicates()).isZero();
        assertThat(facts).isPositive();
        assertThat(caseEvents).isNotEmpty();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
