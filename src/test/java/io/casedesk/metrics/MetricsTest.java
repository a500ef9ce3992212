package io.casedesk.metrics;

import io.casedesk.EndToEndContext;

/** The metric definitions on H2, in the shared end-to-end application. */
@EndToEndContext
class MetricsTest extends MetricsScenario {}
