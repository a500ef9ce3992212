package io.casedesk.cases;

/** The customer wrote while their case waits on them: the answer to the agent's request for information. */
public record CustomerMessageReceived(String reference) {}
