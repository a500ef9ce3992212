/**
 * The engine's safeguards. Other modules' process glue implements {@link io.casedesk.security.process.ModelContract}
 * and uses {@link io.casedesk.security.process.DecisionPolicy}; nothing else here is theirs to call.
 */
@NamedInterface("process")
package io.casedesk.security.process;

import org.springframework.modulith.NamedInterface;
