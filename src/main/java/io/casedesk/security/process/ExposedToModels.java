package io.casedesk.security.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that models may name in expressions (e.g. ${flowTimeouts.survey}) although it is no delegate or listener.
 * The engine resolves no other bean: see ModelBeans.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExposedToModels {}
