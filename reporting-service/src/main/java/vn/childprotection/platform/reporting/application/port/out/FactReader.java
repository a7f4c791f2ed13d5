package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.reporting.domain.FactSet;
import vn.childprotection.platform.reporting.domain.ReferralFact;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.util.List;

/** Reads the facts a set of figures needs, narrowed in the store by period and place first. */
public interface FactReader {

    FactSet load(long generation, StatsFilter filter);

    List<ReferralFact> referralsOf(long generation, String caseId);
}
