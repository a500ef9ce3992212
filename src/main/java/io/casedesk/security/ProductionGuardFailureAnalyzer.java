package io.casedesk.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused prod start into a readable report: what is wrong and what to set instead. */
class ProductionGuardFailureAnalyzer
        extends AbstractFailureAnalyzer<ProductionGuard.InsecureProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(
            Throwable rootFailure, ProductionGuard.InsecureProductionSettingsException cause) {
        return new FailureAnalysis(
                "casedesk refuses to start with profile prod:\n  - " + String.join("\n  - ", cause.problems()),
                "Set camunda.bpm.admin-user.password to a strong secret (at least 10 characters with upper and lower "
                        + "case, a digit and a special character: the password policy is on), do not enable demo "
                        + "users, the dev profile or the H2 console in production, and give every channel webhook "
                        + "(casedesk.channels.<channel>.webhook-url) the secret its integration checks "
                        + "(casedesk.channels.<channel>.secret).",
                cause);
    }
}
