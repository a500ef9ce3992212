package io.casedesk.archfixture.supportcase;

/** The fixture's flow, which a feature calls into (forbidden). */
public class Flow {

    public void drive() {}
}
