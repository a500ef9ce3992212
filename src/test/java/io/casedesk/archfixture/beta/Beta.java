package io.casedesk.archfixture.beta;

import io.casedesk.archfixture.alpha.Alpha;

/** The other half of the fixture's cycle. */
public class Beta {

    public Alpha alpha() {
        return new Alpha();
    }
}
