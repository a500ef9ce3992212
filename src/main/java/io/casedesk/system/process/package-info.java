/**
 * The engine's infrastructure. Other modules' process glue may build a DMN engine with
 * {@link io.casedesk.system.process.ParsedOnceFeelEngine}; nothing else here is theirs to call.
 */
@NamedInterface("process")
package io.casedesk.system.process;

import org.springframework.modulith.NamedInterface;
