package io.casedesk.survey;

/** The customer added a comment to the score they gave with one click; a manager recovering them sees it. */
public record SurveyCommented(String reference, String comment) {}
