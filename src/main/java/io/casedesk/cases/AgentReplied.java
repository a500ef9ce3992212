package io.casedesk.cases;

/** An agent's reply went to the customer (the assist compares it with the draft it offered). */
public record AgentReplied(String reference, String reply) {}
