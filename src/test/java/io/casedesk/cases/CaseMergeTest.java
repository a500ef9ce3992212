package io.casedesk.cases;

import io.casedesk.EndToEndContext;

/** Duplicates and merging on H2, in the shared end-to-end application. */
@EndToEndContext
class CaseMergeTest extends CaseMergeScenario {}
