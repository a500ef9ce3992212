package io.casedesk.system.devmail;

/**
 * A page that exists only in the {@code dev} profile (the captured mail, the webhook sink), for the landing page to
 * point at: a bean of this type exists exactly when its page does.
 */
public record DevPage(String path, String title, String description) {}
