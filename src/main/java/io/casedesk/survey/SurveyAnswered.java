package io.casedesk.survey;

/** The customer scored the survey of their case (1-5). */
public record SurveyAnswered(String reference, int score) {}
