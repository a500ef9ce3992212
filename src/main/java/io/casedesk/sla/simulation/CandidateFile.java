package io.casedesk.sla.simulation;

/** A DMN file a process owner uploaded to try out: its name (for messages) and its bytes. */
public record CandidateFile(String name, byte[] content) {}
