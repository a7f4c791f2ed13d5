package vn.childprotection.platform.reporting.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.reporting.application.port.out.FactReader;
import vn.childprotection.platform.reporting.application.port.out.TooManyFactsException;
import vn.childprotection.platform.reporting.domain.FactSet;
import vn.childprotection.platform.reporting.domain.ReferralFact;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds on what a statistics request may hold in memory ({@link StatsService.Limits}). */
class StatsServiceLimitsTest {

    private static final StatsService.Limits LIMITS = new StatsService.Limits(1_000, 1, Duration.ofMillis(50));

    @Test
    void theReaderIsGivenTheFactBudgetAndASelectionOverItIsRefusedNotComputed() {
        AtomicLong budgetSeen = new AtomicLong();
        StatsService stats = service((generation, filter, maxFacts) -> {
            budgetSeen.set(maxFacts);
            throw new TooManyFactsException(maxFacts);
        });

        assertThatThrownBy(() -> stats.overview(StatsFilter.NONE)).isInstanceOf(TooManyFactsException.class);
        assertThat(budgetSeen).hasValue(1_000);
    }

    @Test
    void aRefusedSelectionGivesItsSlotBackForTheNextRequest() {
        AtomicLong calls = new AtomicLong();
        StatsService stats = service((generation, filter, maxFacts) -> {
            if (calls.incrementAndGet() == 1) {
                throw new TooManyFactsException(maxFacts);
            }
            return FactSet.select(List.of(), List.of(), List.of(), filter);
        });

        assertThatThrownBy(() -> stats.overview(StatsFilter.NONE)).isInstanceOf(TooManyFactsException.class);
        assertThat(stats.overview(StatsFilter.NONE).reports()).isZero();
    }

    @Test
    void aRequestThatFindsEverySlotTakenForTheWholeWaitIsAnsweredBusy() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StatsService stats = service((generation, filter, maxFacts) -> {
            reading.countDown();
            await(release);
            return FactSet.select(List.of(), List.of(), List.of(), filter);
        });
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> stats.overview(StatsFilter.NONE));
        reading.await();

        assertThatThrownBy(() -> stats.funnel(StatsFilter.NONE)).isInstanceOf(StatsBusyException.class);

        release.countDown();
        first.get();
        assertThat(stats.funnel(StatsFilter.NONE)).isNotNull();
    }

    private static StatsService service(Loader loader) {
        FactReader reader = new FactReader() {
            @Override
            public FactSet load(long generation, StatsFilter filter, long maxFacts) {
                return loader.load(generation, filter, maxFacts);
            }

            @Override
            public List<ReferralFact> referralsOf(long generation, String caseId) {
                return List.of();
            }
        };
        return new StatsService(reader, null, new ProjectionTargets(1), null, null, null, Clock.systemUTC(), LIMITS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Loader {
        FactSet load(long generation, StatsFilter filter, long maxFacts);
    }
}
