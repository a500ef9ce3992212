package io.casedesk.assist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.assist.*: the agent assist (similar cases, suggested replies).
 *
 * @param indexDir where this node keeps its index of resolved cases; empty: in memory (filled from the database at
 *                 every start). Each node of a cluster has its own.
 * @param catchUpInterval how often the index reads the cases resolved since the last one it indexed: what another
 *                        node resolved reaches this node's index within this time
 * @param catchUpOverlap how far back before the last indexed resolution each pass reads again, so a resolution that
 *                       committed late (an earlier timestamp after a later one) is not missed
 * @param articleMinMatch the share of a case's distinct words (at least two) a knowledge article must contain to be
 *                        the source of its suggested reply; with none that does, the best similar case's resolution
 *                        is
 */
@ConfigurationProperties("casedesk.assist")
record AssistProperties(
        @DefaultValue("./data/assist-index") String indexDir,
        @DefaultValue("PT30S") Duration catchUpInterval,
        @DefaultValue("PT5M") Duration catchUpOverlap,
        @DefaultValue("0.2") double articleMinMatch) {}
