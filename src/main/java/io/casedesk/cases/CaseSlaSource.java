package io.casedesk.cases;

import java.util.Collection;
import java.util.Map;

/**
 * Where a case's SLA state comes from: implemented by the sla feature, which owns it, so cases shows it without
 * depending on sla (sla depends on cases, never the other way round).
 */
public interface CaseSlaSource {

    /** The SLA of each given case that has one (one query for all of them); cases without are left out. */
    Map<Long, CaseSla> slaOf(Collection<Long> caseIds);
}
