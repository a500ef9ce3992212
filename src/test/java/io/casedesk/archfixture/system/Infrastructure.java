package io.casedesk.archfixture.system;

import io.casedesk.archfixture.alpha.Alpha;

/** Infrastructure that imports a feature (forbidden). */
public class Infrastructure {

    public Alpha feature() {
        return new Alpha();
    }
}
