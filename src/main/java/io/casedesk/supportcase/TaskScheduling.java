package io.casedesk.supportcase;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs OpenCaseTasks' sweep for tasks breaching soon, on every node (it is idempotent). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskScheduling {}
