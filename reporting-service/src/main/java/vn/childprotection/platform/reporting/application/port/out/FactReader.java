package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.reporting.domain.FactSet;
import vn.childprotection.platform.reporting.domain.ReferralFact;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.util.List;

/** Reads the facts a set of figures needs, narrowed in the store by period and place first. */
public interface FactReader {

    /**
     * The facts the filter selects.
     *
     * @throws TooManyFactsException when they are more than {@code maxFacts}; the reader stops at that number
     */
    FactSet load(long generation, StatsFilter filter, long maxFacts);

    List<ReferralFact> referralsOf(long generation, String caseId);
}
