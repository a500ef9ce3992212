package io.casedesk.sla.simulation;

import java.util.List;

/**
 * Which version of a table a simulation used: a candidate file, or the version deployed now.
 *
 * @param source   {@code candidate} or {@code deployed}
 * @param file     the uploaded file's name (candidate only)
 * @param version  the deployed version number (deployed only)
 * @param warnings what would stop or surprise a deployment of a candidate, e.g. no history time to live
 */
public record PolicyVersion(
        String decisionKey, String source, String file, Integer version, String versionTag, List<String> warnings) {

    public static final String CANDIDATE = "candidate";
    public static final String DEPLOYED = "deployed";
}
