package io.casedesk.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.knowledge.*: the knowledge base.
 *
 * @param catchUpInterval how often this node's article index (in memory, filled from the database at start) reads
 *                        the articles changed since the last one it took: what another node wrote is found here
 *                        within this time
 */
@ConfigurationProperties("casedesk.knowledge")
record KnowledgeProperties(@DefaultValue("PT30S") Duration catchUpInterval) {}
